/**
 * The fit model: for every cluster × effort a score 0–100 from five criteria, each with a
 * visible weight and a visible piece of evidence.
 *
 * | criterion | what it measures | from |
 * |---|---|---|
 * | thematic | the cluster's area among the effort's areas, or the effort's keywords in the cluster's area and focus (60 %), and how many of the effort's activity categories the cluster offers (40 %) | landscape profile, survey activity types |
 * | presence | own office 1, co-location 0.7, another presence 0.5, none 0 | latest survey round |
 * | reach | members in the region (full at 100; half of the criterion), unique companies since the programme start (full at 600; 30 %), share of members under 50 employees (20 %) | latest survey round; the unique companies from the company register when it has lists for the cluster |
 * | ties | partners among the region's actors (3+ = full; 60 %) and agreements with regional parties or municipalities (2+ = full; 40 %) | latest survey round |
 * | maturity | mature 1, developing 0.6, emerging 0.3 | landscape (derived or overridden) |
 *
 * Only thematic depends on the effort, and it gates the others: presence, reach, ties and maturity
 * count in proportion to the thematic value, so a large, present cluster does not fit an effort
 * it has nothing to offer. score = 100 × (w_t·t + t·Σ w_c·v_c) / Σ w over criteria with data.
 *
 * A criterion without data is left out of the score and listed as missing; confidence is the
 * share of the weight that had data. So missing data lowers the confidence, never the score
 * silently.
 *
 * Where the company register has lists for a cluster, its unique count (by CVR number, in the
 * region) stands in for the cluster's own unique-company figure: counted, not estimated, and never
 * double-counting a company. The survey figure stays in the evidence beside it, and without a
 * survey answer reach rests on the register's count alone.
 */
import { areaKey, areaLabel } from '../landscape/area';
import type { Criterion, Effort, Weights } from '../strategy/strategy';

export interface ClusterEvidence {
	slug: string;
	name: string;
	/** Area, focus and name: the text keywords are looked for in. */
	text: string;
	area: string;
	/** Activity categories offered (registered, or inferred from the survey's activity types). */
	activities: string[] | null;
	stage: 'emerging' | 'developing' | 'mature' | null;
	survey: {
		roundId: number;
		round: string;
		/** When the answers were given (the response's submission date). */
		date: string | null;
		ownOffice: boolean;
		/** Names of the municipalities where the cluster is present. */
		presenceMunicipalities: string[];
		coLocatedWith: string[];
		otherPresence: boolean;
		members: number | null;
		under50: number | null;
		uniqueCompanies: number | null;
		/** Any of the reach figures was an estimate. */
		estimate: boolean;
		/** The member count itself was an estimate. */
		membersEstimate: boolean;
		/** Regional actors the cluster works with (slugs). */
		partners: string[];
		/** Parties it has agreements with: actor slugs, `municipality`, `other`. */
		agreementParties: string[];
		/** Municipalities it has agreements with (codes). */
		agreementMunicipalities: string[];
		/** The survey's activity types it runs in the region. */
		activityCodes: string[];
		/** Free texts given under "other" (presence, partners, agreements). */
		otherTexts: string[];
	} | null;
	/**
	 * The company register's count for the cluster in the region, when the register has lists for
	 * it (zero when none of their companies is in the region); absent or null when it has none.
	 */
	register?: {
		uniqueCompanies: number;
		lists: number;
		/** When the newest of the cluster's lists was imported (ISO). */
		date: string;
	} | null;
}

/**
 * Where a criterion's evidence can be checked: the cluster's profile, its survey answer, or (for
 * reach without a survey answer) the company register.
 */
export type EvidenceSource =
	| { kind: 'profile'; cluster: string }
	| { kind: 'survey'; cluster: string; roundId: number }
	| { kind: 'register'; cluster: string }
	| { kind: 'none' };

/** A message key with its parameters: the domain says what, each caller says it in its language. */
export interface Statement {
	key: EvidenceKey;
	params: Record<string, string | number>;
}

export interface CriterionResult {
	criterion: Criterion;
	/** 0–1, or null when there was no data. */
	value: number | null;
	weight: number;
	/** What the value rests on, for the breakdown "why this score". */
	evidence: Statement[];
	source: EvidenceSource;
}

/** Every message key the fit model's evidence can carry (kept in step with the messages by a test). */
export const evidenceKeys = [
	'fit_ev_area_match',
	'fit_ev_keywords',
	'fit_ev_no_keywords',
	'fit_ev_activities',
	'fit_ev_activities_unknown',
	'fit_ev_theme_nothing',
	'fit_ev_no_survey',
	'fit_ev_own_office',
	'fit_ev_colocated',
	'fit_ev_other_presence',
	'fit_ev_not_present',
	'fit_ev_no_reach',
	'fit_ev_reach',
	'fit_ev_sme',
	'fit_ev_estimate',
	'fit_ev_register',
	'fit_ev_ties',
	'fit_ev_no_stage',
	'fit_ev_stage'
] as const;
export type EvidenceKey = (typeof evidenceKeys)[number];
type Scored = Omit<CriterionResult, 'weight'>;
const say = (key: EvidenceKey, params: Record<string, string | number> = {}): Statement => ({
	key,
	params
});

export interface FitCell {
	cluster: string;
	effort: string;
	score: number;
	confidence: number;
	criteria: CriterionResult[];
	missing: Criterion[];
	override: { score: number; reason: string; by: string; at: string } | null;
}

/** Matches a keyword against the words of a text; words of 5+ letters match on their stem. */
export function keywordHits(text: string, keywords: string[]): string[] {
	const words = text
		.toLowerCase()
		.split(/[^a-zæøå0-9]+/)
		.filter(Boolean);
	return keywords.filter((keyword) => {
		const k = keyword.toLowerCase();
		return words.some(
			(word) =>
				word === k ||
				(k.length >= 4 && word.startsWith(k)) ||
				(word.length >= 5 && k.startsWith(word))
		);
	});
}

/** Weighted mean of the parts that have a value; null when none has. */
function weightedMean(parts: [value: number | null, weight: number][]): number | null {
	const known = parts.filter((p): p is [number, number] => p[0] !== null);
	const weight = known.reduce((sum, [, w]) => sum + w, 0);
	return weight === 0 ? null : known.reduce((sum, [v, w]) => sum + v * w, 0) / weight;
}

function thematic(cluster: ClusterEvidence, effort: Effort): Scored {
	const areaMatch = effort.areas.some((area) => areaKey(area) === areaKey(cluster.area));
	const hits = keywordHits(cluster.text, effort.keywords);
	const hasTheme = effort.keywords.length > 0 || effort.areas.length > 0;
	const themeScore = areaMatch ? 1 : hasTheme ? Math.min(1, hits.length / 2) : null;
	const wanted = effort.activityCategories;
	const overlap = cluster.activities ? wanted.filter((a) => cluster.activities?.includes(a)) : [];
	const activityScore =
		wanted.length === 0 || cluster.activities === null ? null : overlap.length / wanted.length;
	const value = weightedMean([
		[themeScore, 0.6],
		[activityScore, 0.4]
	]);
	const evidence: Statement[] = [];
	if (areaMatch) evidence.push(say('fit_ev_area_match', { area: areaLabel(cluster.area) }));
	else if (hasTheme)
		evidence.push(
			hits.length > 0
				? say('fit_ev_keywords', { hits: hits.join(', '), count: hits.length })
				: say('fit_ev_no_keywords', { area: areaLabel(cluster.area) })
		);
	if (wanted.length > 0) {
		evidence.push(
			cluster.activities === null
				? say('fit_ev_activities_unknown')
				: say('fit_ev_activities', { overlap: overlap.length, wanted: wanted.length })
		);
	}
	if (value === null) evidence.push(say('fit_ev_theme_nothing'));
	return {
		criterion: 'thematic',
		value,
		evidence,
		source: { kind: 'profile', cluster: cluster.slug }
	};
}

const surveySource = (cluster: ClusterEvidence): EvidenceSource =>
	cluster.survey
		? { kind: 'survey', cluster: cluster.slug, roundId: cluster.survey.roundId }
		: { kind: 'none' };

function presence(cluster: ClusterEvidence): Scored {
	const s = cluster.survey;
	const source = surveySource(cluster);
	const result = (value: number | null, statement: Statement): Scored => ({
		criterion: 'presence',
		value,
		evidence: [statement],
		source
	});
	if (!s) return result(null, say('fit_ev_no_survey'));
	const where = s.presenceMunicipalities.join(', ') || '–';
	if (s.ownOffice) return result(1, say('fit_ev_own_office', { round: s.round, where }));
	if (s.coLocatedWith.length > 0)
		return result(
			0.7,
			say('fit_ev_colocated', { round: s.round, count: s.coLocatedWith.length, where })
		);
	if (s.otherPresence) return result(0.5, say('fit_ev_other_presence', { round: s.round }));
	return result(0, say('fit_ev_not_present', { round: s.round }));
}

function reach(cluster: ClusterEvidence): Scored {
	const s = cluster.survey;
	const r = cluster.register ?? null;
	const members = s?.members ?? null;
	const unique = r ? r.uniqueCompanies : (s?.uniqueCompanies ?? null);
	const registerSaid = r
		? [say('fit_ev_register', { unique: r.uniqueCompanies, lists: r.lists, date: r.date })]
		: [];
	if (!s) {
		return {
			criterion: 'reach',
			value: r ? Math.min(1, r.uniqueCompanies / 600) : null,
			evidence: r ? registerSaid : [say('fit_ev_no_survey')],
			source: r ? { kind: 'register', cluster: cluster.slug } : { kind: 'none' }
		};
	}
	const source = surveySource(cluster);
	if (members === null && unique === null) {
		return { criterion: 'reach', value: null, evidence: [say('fit_ev_no_reach')], source };
	}
	const sme = members && s.under50 !== null ? s.under50 / members : null;
	const value = weightedMean([
		[members === null ? null : Math.min(1, members / 100), 0.5],
		[unique === null ? null : Math.min(1, unique / 600), 0.3],
		[sme, 0.2]
	]);
	const evidence = [
		s.members === null && s.uniqueCompanies === null
			? say('fit_ev_no_reach')
			: say('fit_ev_reach', {
					members: s.members ?? '–',
					unique: s.uniqueCompanies ?? '–',
					round: s.round
				}),
		...registerSaid
	];
	if (sme !== null) evidence.push(say('fit_ev_sme', { share: Math.round(sme * 100) }));
	if (s.estimate) evidence.push(say('fit_ev_estimate'));
	return { criterion: 'reach', value, evidence, source };
}

function ties(cluster: ClusterEvidence): Scored {
	const s = cluster.survey;
	const source = surveySource(cluster);
	if (!s) return { criterion: 'ties', value: null, evidence: [say('fit_ev_no_survey')], source };
	const parties = s.agreementParties.filter((p) => p !== 'municipality').length;
	const municipalities = s.agreementMunicipalities.length;
	const value =
		0.6 * Math.min(1, s.partners.length / 3) + 0.4 * Math.min(1, (parties + municipalities) / 2);
	return {
		criterion: 'ties',
		value,
		evidence: [
			say('fit_ev_ties', { partners: s.partners.length, parties, municipalities, round: s.round })
		],
		source
	};
}

function maturity(cluster: ClusterEvidence): Scored {
	const values = { mature: 1, developing: 0.6, emerging: 0.3 } as const;
	const source: EvidenceSource = { kind: 'profile', cluster: cluster.slug };
	if (!cluster.stage)
		return { criterion: 'maturity', value: null, evidence: [say('fit_ev_no_stage')], source };
	return {
		criterion: 'maturity',
		value: values[cluster.stage],
		evidence: [say('fit_ev_stage', { stage: cluster.stage })],
		source
	};
}

/**
 * The share of a criterion's weight it adds to the score. The capacity criteria (presence,
 * reach, ties, maturity) count in proportion to the thematic match: a strong cluster with nothing
 * to offer an effort does not fit it. Without a thematic value they count in full.
 */
export function contribution(
	criterion: Criterion,
	value: number,
	thematicValue: number | null
): number {
	return criterion === 'thematic' ? value : value * (thematicValue ?? 1);
}

/**
 * Combines criterion values with weights: the weighted sum of the contributions over the
 * criteria that have data, as a share of their weight.
 */
export function combine(
	results: { criterion: Criterion; value: number | null }[],
	weights: Weights
): { score: number; confidence: number; missing: Criterion[] } {
	const total = results.reduce((sum, r) => sum + weights[r.criterion], 0);
	const known = results.filter((r) => r.value !== null);
	const knownWeight = known.reduce((sum, r) => sum + weights[r.criterion], 0);
	const thematicValue = results.find((r) => r.criterion === 'thematic')?.value ?? null;
	const points = known.reduce(
		(sum, r) => sum + contribution(r.criterion, r.value ?? 0, thematicValue) * weights[r.criterion],
		0
	);
	const score = knownWeight === 0 ? 0 : Math.round((100 * points) / knownWeight);
	return {
		score,
		confidence: total === 0 ? 0 : Math.round((100 * knownWeight) / total) / 100,
		missing: results.filter((r) => r.value === null).map((r) => r.criterion)
	};
}

export function fitCell(cluster: ClusterEvidence, effort: Effort, weights: Weights): FitCell {
	const results = [
		thematic(cluster, effort),
		presence(cluster),
		reach(cluster),
		ties(cluster),
		maturity(cluster)
	].map((r) => ({
		...r,
		weight: weights[r.criterion]
	}));
	const { score, confidence, missing } = combine(results, weights);
	return {
		cluster: cluster.slug,
		effort: effort.code,
		score,
		confidence,
		criteria: results,
		missing,
		override: null
	};
}

/** An analyst's override of one cell, with who, when and why. */
export interface FitOverride {
	cluster: string;
	effort: string;
	score: number;
	reason: string;
	by: string;
	at: string;
}

export interface FitMatrix {
	efforts: Effort[];
	clusters: { slug: string; name: string }[];
	cells: FitCell[];
	weights: Weights;
}

/** The whole matrix; overrides replace a cell's score and are marked as such. */
export function fitMatrix(
	clusters: ClusterEvidence[],
	efforts: Effort[],
	weights: Weights,
	overrides: FitOverride[] = []
): FitMatrix {
	const cells = clusters.flatMap((cluster) =>
		efforts.map((effort) => {
			const cell = fitCell(cluster, effort, weights);
			const override = overrides.find(
				(o) => o.cluster === cluster.slug && o.effort === effort.code
			);
			return override
				? {
						...cell,
						override: {
							score: override.score,
							reason: override.reason,
							by: override.by,
							at: override.at
						}
					}
				: cell;
		})
	);
	return {
		efforts,
		clusters: clusters.map((c) => ({ slug: c.slug, name: c.name })),
		cells,
		weights
	};
}

/** The score shown: the override when there is one. */
export function effectiveScore(cell: FitCell): number {
	return cell.override?.score ?? cell.score;
}

/** A cluster's overall fit: the mean shown score over all efforts. */
export function clusterTotal(matrix: FitMatrix, cluster: string): number {
	const cells = matrix.cells.filter((c) => c.cluster === cluster);
	return cells.length === 0
		? 0
		: Math.round(cells.reduce((sum, c) => sum + effectiveScore(c), 0) / cells.length);
}

/**
 * Cluster order for the matrix: by one effort's shown score or by the overall fit, highest first;
 * ties by name so the order is stable.
 */
export function rankClusters(matrix: FitMatrix, by: string | null): string[] {
	const score = (slug: string) => {
		if (by === null) return clusterTotal(matrix, slug);
		const cell = matrix.cells.find((c) => c.cluster === slug && c.effort === by);
		return cell ? effectiveScore(cell) : 0;
	};
	return [...matrix.clusters]
		.sort((a, b) => score(b.slug) - score(a.slug) || a.name.localeCompare(b.name, 'da'))
		.map((c) => c.slug);
}
