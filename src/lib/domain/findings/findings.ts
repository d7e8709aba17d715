/**
 * The findings of a survey round as one JSON document: the API's answer, the source of the
 * findings page and of the deck. Built from the SQL counts; every option of every question is
 * present (zero included), as on the source document's slides.
 */
export interface ChoiceTally {
	key: string;
	clusters: number;
}

export interface FindingsInput {
	round: {
		id: number;
		title: string;
		regionCode: string;
		regionName: string;
		year: number;
		sinceYear: number;
		status: 'open' | 'closed';
		isDemo: boolean;
	};
	status: {
		invited: number;
		completed: number;
		partial: number;
		notStarted: number;
		activeInRegion: number;
		inactive: number;
	};
	questions: {
		presenceAnswered: number;
		present: number;
		ownOffice: number;
		presenceOther: number;
		partnersAnswered: number;
		withPartners: number;
		partnersOther: number;
		activitiesAnswered: number;
		withActivities: number;
		activitiesOther: number;
		agreementsAnswered: number;
		withAgreements: number;
		withoutAgreements: number;
		agreementsOther: number;
		municipalClusters: number;
		municipalAgreements: number;
		municipalMaxPerCluster: number;
	};
	choices: {
		coLocatedWith: ChoiceTally[];
		presenceMunicipalities: ChoiceTally[];
		partners: ChoiceTally[];
		activities: ChoiceTally[];
		parties: ChoiceTally[];
		agreementMunicipalities: ChoiceTally[];
	};
	sums: {
		members: { clusters: number; sum: number; estimates: number; over50: number; under50: number };
		uniqueCompanies: { clusters: number; sum: number; estimates: number; sinceYears: number[] };
		participants: { clusters: number; sum: number; estimates: number; sinceYears: number[] };
	};
	/** The answer options, so options nobody chose still show with zero. */
	options: {
		coLocationActors: string[];
		partnerActors: string[];
		activityCodes: string[];
		agreementParties: string[];
		municipalities: string[];
	};
}

function tally(options: string[], counts: ChoiceTally[]): Record<string, number> {
	const out: Record<string, number> = Object.fromEntries(options.map((option) => [option, 0]));
	for (const { key, clusters } of counts) out[key] = clusters;
	return out;
}

export function buildFindings(input: FindingsInput) {
	const { round, status, questions: q, choices, sums, options } = input;
	const parties = tally([...options.agreementParties, 'municipality', 'other'], choices.parties);
	return {
		format: 'klyngeradar/survey-findings@1' as const,
		round,
		provenance: {
			source: 'survey' as const,
			/** Only completed responses count; partial ones are reported separately. */
			counted: 'completed',
			n: status.completed,
			N: status.invited
		},
		invited: status.invited,
		completed: status.completed,
		partial: status.partial,
		notStarted: status.notStarted,
		activeInRegion: status.activeInRegion,
		inactive: status.inactive,
		presence: {
			answered: q.presenceAnswered,
			present: q.present,
			ownOffice: q.ownOffice,
			coLocatedWith: tally(options.coLocationActors, choices.coLocatedWith),
			other: q.presenceOther,
			byMunicipality: tally(options.municipalities, choices.presenceMunicipalities)
		},
		partners: {
			answered: q.partnersAnswered,
			clustersWithPartners: q.withPartners,
			byActor: tally(options.partnerActors, choices.partners),
			other: q.partnersOther
		},
		members: {
			clusters: sums.members.clusters,
			total: sums.members.sum,
			over50: sums.members.over50,
			under50: sums.members.under50,
			estimates: sums.members.estimates
		},
		uniqueCompanies: { ...sums.uniqueCompanies },
		participants: { ...sums.participants },
		activities: {
			answered: q.activitiesAnswered,
			clustersWithActivities: q.withActivities,
			byCode: tally(options.activityCodes, choices.activities),
			other: q.activitiesOther
		},
		agreements: {
			answered: q.agreementsAnswered,
			clustersWith: q.withAgreements,
			clustersWithout: q.withoutAgreements,
			byParty: parties,
			other: q.agreementsOther
		},
		municipalAgreements: {
			clusters: q.municipalClusters,
			agreements: q.municipalAgreements,
			municipalities: choices.agreementMunicipalities.filter((c) => c.clusters > 0).length,
			byMunicipality: tally(options.municipalities, choices.agreementMunicipalities),
			maxPerCluster: q.municipalMaxPerCluster
		}
	};
}
export type Findings = ReturnType<typeof buildFindings>;

/** A headline sentence as a message key and its parameters; the caller says it in a language. */
export interface Headline {
	question: string;
	key: string;
	params: Record<string, string | number>;
}

/**
 * The headline sentences of the source document's findings slides, from the numbers. Sums are
 * "at least" (mindst) because clusters that did not report add nothing, and unique companies can
 * overlap between clusters; the caller formats numbers.
 */
export function headlines(f: Findings): Headline[] {
	const out: Headline[] = [];
	const region = f.round.regionName;
	if (f.completed === 0)
		return [{ question: 'status', key: 'findings_h_none', params: { invited: f.invited } }];
	out.push({
		question: 'status',
		key: 'findings_h_status',
		params: { completed: f.completed, invited: f.invited, partial: f.partial }
	});
	out.push({
		question: 'presence',
		key: 'findings_h_presence',
		params: { present: f.presence.present, ownOffice: f.presence.ownOffice, region }
	});
	if (f.partners.clustersWithPartners > 0) {
		out.push({
			question: 'partners',
			key: 'findings_h_partners',
			params: { clusters: f.partners.clustersWithPartners, of: f.activeInRegion, region }
		});
	}
	if (f.members.clusters > 0) {
		out.push({
			question: 'members',
			key: 'findings_h_members',
			params: {
				clusters: f.members.clusters,
				total: f.members.total,
				over50: f.members.over50,
				under50: f.members.under50,
				estimates: f.members.estimates,
				region
			}
		});
	}
	if (f.uniqueCompanies.clusters > 0) {
		out.push({
			question: 'uniqueCompanies',
			key: 'findings_h_unique',
			params: {
				clusters: f.uniqueCompanies.clusters,
				sum: f.uniqueCompanies.sum,
				estimates: f.uniqueCompanies.estimates,
				since: f.uniqueCompanies.sinceYears.join('/') || String(f.round.sinceYear),
				region
			}
		});
	}
	if (f.participants.clusters > 0) {
		out.push({
			question: 'participants',
			key: 'findings_h_participants',
			params: {
				clusters: f.participants.clusters,
				sum: f.participants.sum,
				estimates: f.participants.estimates,
				since: f.participants.sinceYears.join('/') || String(f.round.sinceYear),
				region
			}
		});
	}
	if (f.activities.clustersWithActivities > 0) {
		out.push({
			question: 'activities',
			key: 'findings_h_activities',
			params: { clusters: f.activities.clustersWithActivities, of: f.activeInRegion, region }
		});
	}
	out.push({
		question: 'agreements',
		key: 'findings_h_agreements',
		params: { without: f.agreements.clustersWithout, with: f.agreements.clustersWith, region }
	});
	if (f.municipalAgreements.agreements > 0) {
		out.push({
			question: 'municipalAgreements',
			key: 'findings_h_municipal',
			params: {
				agreements: f.municipalAgreements.agreements,
				municipalities: f.municipalAgreements.municipalities,
				clusters: f.municipalAgreements.clusters,
				max: f.municipalAgreements.maxPerCluster
			}
		});
	}
	return out;
}
