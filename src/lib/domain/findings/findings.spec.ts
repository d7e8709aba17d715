import { describe, expect, it } from 'vitest';
import { buildFindings, headlines, type FindingsInput, type Headline } from './findings';

type Overrides = { [K in keyof FindingsInput]?: Partial<FindingsInput[K]> };

/**
 * A small round in Nordjylland. Every number is different, so a figure copied from the wrong
 * field shows up as a wrong value instead of passing by coincidence.
 */
function findingsInput(overrides: Overrides = {}): FindingsInput {
	const base: FindingsInput = {
		round: {
			id: 7,
			title: 'Klyngesurvey 2023',
			regionCode: '1081',
			regionName: 'Region Nordjylland',
			year: 2023,
			sinceYear: 2021,
			status: 'open',
			isDemo: false
		},
		status: {
			invited: 40,
			completed: 31,
			partial: 5,
			notStarted: 4,
			activeInRegion: 27,
			inactive: 3
		},
		questions: {
			presenceAnswered: 26,
			present: 19,
			ownOffice: 11,
			presenceOther: 2,
			partnersAnswered: 25,
			withPartners: 17,
			partnersOther: 6,
			activitiesAnswered: 24,
			withActivities: 21,
			activitiesOther: 8,
			agreementsAnswered: 23,
			withAgreements: 13,
			withoutAgreements: 10,
			agreementsOther: 1,
			municipalClusters: 9,
			municipalAgreements: 15,
			municipalMaxPerCluster: 4
		},
		choices: {
			coLocatedWith: [],
			presenceMunicipalities: [],
			partners: [],
			activities: [],
			parties: [],
			agreementMunicipalities: []
		},
		sums: {
			members: { clusters: 22, sum: 1800, estimates: 7, over50: 300, under50: 1500 },
			uniqueCompanies: { clusters: 18, sum: 950, estimates: 12, sinceYears: [2021] },
			participants: { clusters: 16, sum: 4200, estimates: 14, sinceYears: [2021] }
		},
		options: {
			coLocationActors: ['aau', 'erhvervshus-nordjylland'],
			partnerActors: ['aau', 'ucn'],
			activityCodes: ['knowledge-matchmaking', 'projects'],
			agreementParties: ['brn'],
			municipalities: ['851', '813', '860']
		}
	};
	return {
		round: { ...base.round, ...overrides.round },
		status: { ...base.status, ...overrides.status },
		questions: { ...base.questions, ...overrides.questions },
		choices: { ...base.choices, ...overrides.choices },
		sums: { ...base.sums, ...overrides.sums },
		options: { ...base.options, ...overrides.options }
	};
}

type Findings = ReturnType<typeof buildFindings>;
type ChoiceKey = keyof FindingsInput['choices'];

/** Where each tally of choices ends up, and which option list it is laid over. */
const tallies: [string, ChoiceKey, (f: Findings) => Record<string, number>, string[]][] = [
	[
		'presence.coLocatedWith',
		'coLocatedWith',
		(f) => f.presence.coLocatedWith,
		['aau', 'erhvervshus-nordjylland']
	],
	[
		'presence.byMunicipality',
		'presenceMunicipalities',
		(f) => f.presence.byMunicipality,
		['851', '813', '860']
	],
	['partners.byActor', 'partners', (f) => f.partners.byActor, ['aau', 'ucn']],
	[
		'activities.byCode',
		'activities',
		(f) => f.activities.byCode,
		['knowledge-matchmaking', 'projects']
	],
	['agreements.byParty', 'parties', (f) => f.agreements.byParty, ['brn', 'municipality', 'other']],
	[
		'municipalAgreements.byMunicipality',
		'agreementMunicipalities',
		(f) => f.municipalAgreements.byMunicipality,
		['851', '813', '860']
	]
];

describe('buildFindings', () => {
	it('tags the document format and carries the round unchanged', () => {
		const input = findingsInput({ round: { status: 'closed', isDemo: true } });
		const f = buildFindings(input);
		expect(f.format).toBe('klyngeradar/survey-findings@1');
		expect(f.round).toEqual(input.round);
	});

	it.each(tallies)(
		'%s lists every option with 0 when nobody chose any',
		(_name, _choice, pick, options) => {
			expect(pick(buildFindings(findingsInput()))).toEqual(
				Object.fromEntries(options.map((o) => [o, 0]))
			);
		}
	);

	it.each(tallies)(
		'%s puts each tally on its own key and keeps the others at 0',
		(_name, choice, pick, options) => {
			const first = options[0]!;
			const last = options.at(-1)!;
			const f = buildFindings(
				findingsInput({
					choices: {
						[choice]: [
							{ key: last, clusters: 5 },
							{ key: first, clusters: 2 }
						]
					}
				})
			);
			const expected = Object.fromEntries(options.map((o) => [o, 0]));
			expected[first] = 2;
			expected[last] = 5;
			expect(pick(f)).toEqual(expected);
		}
	);

	it('keeps a counted choice that is no longer among the options rather than dropping it', () => {
		const f = buildFindings(
			findingsInput({ choices: { partners: [{ key: 'retired-actor', clusters: 3 }] } })
		);
		expect(f.partners.byActor).toEqual({ aau: 0, ucn: 0, 'retired-actor': 3 });
	});

	it.each([
		['a round under way', { invited: 40, completed: 31 }, 31, 40],
		['nobody has completed yet', { invited: 40, completed: 0 }, 0, 40],
		['everyone has completed', { invited: 12, completed: 12 }, 12, 12],
		['no clusters invited', { invited: 0, completed: 0 }, 0, 0]
	])('provenance for %s is n = completed of N = invited', (_name, status, n, N) => {
		const f = buildFindings(findingsInput({ status: { ...status, partial: 9 } }));
		expect(f.provenance).toEqual({ source: 'survey', counted: 'completed', n, N });
	});

	it.each([
		['the region has no other agreement parties', [], { municipality: 0, other: 0 }],
		[
			'the region has its own parties',
			['brn', 'aau'],
			{ brn: 0, aau: 0, municipality: 0, other: 0 }
		]
	])(
		'agreements.byParty has municipality and other when %s',
		(_name, agreementParties, expected) => {
			const f = buildFindings(findingsInput({ options: { agreementParties } }));
			expect(f.agreements.byParty).toEqual(expected);
		}
	);

	it('counts municipality and other agreements on the fixed parties', () => {
		const f = buildFindings(
			findingsInput({
				choices: {
					parties: [
						{ key: 'municipality', clusters: 6 },
						{ key: 'other', clusters: 2 }
					]
				}
			})
		);
		expect(f.agreements.byParty).toEqual({ brn: 0, municipality: 6, other: 2 });
	});

	it.each([
		['no tallies', [], 0],
		[
			'only zero tallies',
			[
				{ key: '851', clusters: 0 },
				{ key: '813', clusters: 0 }
			],
			0
		],
		[
			'one municipality with clusters and one without',
			[
				{ key: '851', clusters: 3 },
				{ key: '813', clusters: 0 }
			],
			1
		],
		[
			'three municipalities with clusters',
			[
				{ key: '851', clusters: 1 },
				{ key: '813', clusters: 2 },
				{ key: '860', clusters: 5 }
			],
			3
		]
	])(
		'municipalAgreements.municipalities with %s is %i',
		(_name, agreementMunicipalities, expected) => {
			const f = buildFindings(findingsInput({ choices: { agreementMunicipalities } }));
			expect(f.municipalAgreements.municipalities).toBe(expected);
		}
	);

	it('still lists a municipality with 0 agreements by municipality while not counting it', () => {
		const f = buildFindings(
			findingsInput({
				choices: {
					agreementMunicipalities: [
						{ key: '851', clusters: 3 },
						{ key: '813', clusters: 0 }
					]
				}
			})
		);
		expect(f.municipalAgreements.byMunicipality).toEqual({ '851': 3, '813': 0, '860': 0 });
		expect(f.municipalAgreements.municipalities).toBe(1);
	});

	it.each<[string, (f: Findings) => unknown, unknown]>([
		['invited', (f) => f.invited, 40],
		['completed', (f) => f.completed, 31],
		['partial', (f) => f.partial, 5],
		['notStarted', (f) => f.notStarted, 4],
		['activeInRegion', (f) => f.activeInRegion, 27],
		['inactive', (f) => f.inactive, 3],
		['presence.answered', (f) => f.presence.answered, 26],
		['presence.present', (f) => f.presence.present, 19],
		['presence.ownOffice', (f) => f.presence.ownOffice, 11],
		['presence.other', (f) => f.presence.other, 2],
		['partners.answered', (f) => f.partners.answered, 25],
		['partners.clustersWithPartners', (f) => f.partners.clustersWithPartners, 17],
		['partners.other', (f) => f.partners.other, 6],
		['activities.answered', (f) => f.activities.answered, 24],
		['activities.clustersWithActivities', (f) => f.activities.clustersWithActivities, 21],
		['activities.other', (f) => f.activities.other, 8],
		['agreements.answered', (f) => f.agreements.answered, 23],
		['agreements.clustersWith', (f) => f.agreements.clustersWith, 13],
		['agreements.clustersWithout', (f) => f.agreements.clustersWithout, 10],
		['agreements.other', (f) => f.agreements.other, 1],
		['municipalAgreements.clusters', (f) => f.municipalAgreements.clusters, 9],
		['municipalAgreements.agreements', (f) => f.municipalAgreements.agreements, 15],
		['municipalAgreements.maxPerCluster', (f) => f.municipalAgreements.maxPerCluster, 4]
	])('copies %s from its count', (_name, pick, expected) => {
		expect(pick(buildFindings(findingsInput()))).toBe(expected);
	});

	it('copies the member sums, renaming sum to total', () => {
		expect(buildFindings(findingsInput()).members).toEqual({
			clusters: 22,
			total: 1800,
			over50: 300,
			under50: 1500,
			estimates: 7
		});
	});

	it.each([
		['uniqueCompanies', { clusters: 18, sum: 950, estimates: 12, sinceYears: [2019, 2021] }],
		['participants', { clusters: 16, sum: 4200, estimates: 14, sinceYears: [] }]
	] as const)('copies the %s sums with their since years', (key, sums) => {
		const input = findingsInput({ sums: { [key]: { ...sums, sinceYears: [...sums.sinceYears] } } });
		const f = buildFindings(input);
		expect(f[key]).toEqual(sums);
		// A copy, so that the document can be changed without touching the query result.
		expect(f[key]).not.toBe(input.sums[key]);
	});
});

/** The input with every optional headline's count at 0. */
const quiet: Overrides = {
	questions: { withPartners: 0, withActivities: 0, municipalAgreements: 0 },
	sums: {
		members: { clusters: 0, sum: 0, estimates: 0, over50: 0, under50: 0 },
		uniqueCompanies: { clusters: 0, sum: 0, estimates: 0, sinceYears: [] },
		participants: { clusters: 0, sum: 0, estimates: 0, sinceYears: [] }
	}
};

function quietWith(change: Overrides): FindingsInput {
	return findingsInput({
		...quiet,
		...change,
		questions: { ...quiet.questions, ...change.questions },
		sums: { ...quiet.sums, ...change.sums }
	});
}

const headlinesOf = (input: FindingsInput) => headlines(buildFindings(input));
const questionsOf = (input: FindingsInput) => headlinesOf(input).map((h) => h.question);

const region = 'Region Nordjylland';
const statusLine: Headline = {
	question: 'status',
	key: 'findings_h_status',
	params: { completed: 31, invited: 40, partial: 5 }
};
const presenceLine: Headline = {
	question: 'presence',
	key: 'findings_h_presence',
	params: { present: 19, ownOffice: 11, region }
};
const agreementsLine: Headline = {
	question: 'agreements',
	key: 'findings_h_agreements',
	params: { without: 10, with: 13, region }
};

describe('headlines', () => {
	it.each([
		['invited clusters', 40],
		['no invited clusters', 0]
	])('with no completed answers and %s says only findings_h_none', (_name, invited) => {
		// The other counts stay non-zero, so this also shows that nothing else is said.
		expect(headlinesOf(findingsInput({ status: { invited, completed: 0 } }))).toEqual([
			{ question: 'status', key: 'findings_h_none', params: { invited } }
		]);
	});

	it('with one completed answer says the status instead of findings_h_none', () => {
		const out = headlinesOf(quietWith({ status: { completed: 1, partial: 0 } }));
		expect(out[0]).toEqual({
			question: 'status',
			key: 'findings_h_status',
			params: { completed: 1, invited: 40, partial: 0 }
		});
		expect(out.map((h) => h.key)).not.toContain('findings_h_none');
	});

	it('with every optional count at 0 says status, presence and agreements only', () => {
		expect(headlinesOf(quietWith({}))).toEqual([statusLine, presenceLine, agreementsLine]);
	});

	it('says presence and agreements even when their counts are 0', () => {
		const out = headlinesOf(
			quietWith({
				questions: { present: 0, ownOffice: 0, withAgreements: 0, withoutAgreements: 0 }
			})
		);
		expect(out).toContainEqual({
			question: 'presence',
			key: 'findings_h_presence',
			params: { present: 0, ownOffice: 0, region }
		});
		expect(out).toContainEqual({
			question: 'agreements',
			key: 'findings_h_agreements',
			params: { without: 0, with: 0, region }
		});
	});

	it.each<[string, Overrides, Headline]>([
		[
			'partners with one cluster',
			{ questions: { withPartners: 1 } },
			{ question: 'partners', key: 'findings_h_partners', params: { clusters: 1, of: 27, region } }
		],
		[
			'partners with many clusters',
			{ questions: { withPartners: 17 } },
			{ question: 'partners', key: 'findings_h_partners', params: { clusters: 17, of: 27, region } }
		],
		[
			'members with one cluster',
			{ sums: { members: { clusters: 1, sum: 40, estimates: 0, over50: 2, under50: 38 } } },
			{
				question: 'members',
				key: 'findings_h_members',
				params: { clusters: 1, total: 40, over50: 2, under50: 38, estimates: 0, region }
			}
		],
		[
			'members with many clusters',
			{ sums: { members: { clusters: 22, sum: 1800, estimates: 7, over50: 300, under50: 1500 } } },
			{
				question: 'members',
				key: 'findings_h_members',
				params: { clusters: 22, total: 1800, over50: 300, under50: 1500, estimates: 7, region }
			}
		],
		[
			'unique companies with one cluster',
			{ sums: { uniqueCompanies: { clusters: 1, sum: 25, estimates: 1, sinceYears: [2021] } } },
			{
				question: 'uniqueCompanies',
				key: 'findings_h_unique',
				params: { clusters: 1, sum: 25, estimates: 1, since: '2021', region }
			}
		],
		[
			'unique companies with many clusters',
			{ sums: { uniqueCompanies: { clusters: 18, sum: 950, estimates: 12, sinceYears: [2021] } } },
			{
				question: 'uniqueCompanies',
				key: 'findings_h_unique',
				params: { clusters: 18, sum: 950, estimates: 12, since: '2021', region }
			}
		],
		[
			'participants with one cluster',
			{ sums: { participants: { clusters: 1, sum: 60, estimates: 0, sinceYears: [2021] } } },
			{
				question: 'participants',
				key: 'findings_h_participants',
				params: { clusters: 1, sum: 60, estimates: 0, since: '2021', region }
			}
		],
		[
			'participants with many clusters',
			{ sums: { participants: { clusters: 16, sum: 4200, estimates: 14, sinceYears: [2021] } } },
			{
				question: 'participants',
				key: 'findings_h_participants',
				params: { clusters: 16, sum: 4200, estimates: 14, since: '2021', region }
			}
		],
		[
			'activities with one cluster',
			{ questions: { withActivities: 1 } },
			{
				question: 'activities',
				key: 'findings_h_activities',
				params: { clusters: 1, of: 27, region }
			}
		],
		[
			'activities with many clusters',
			{ questions: { withActivities: 21 } },
			{
				question: 'activities',
				key: 'findings_h_activities',
				params: { clusters: 21, of: 27, region }
			}
		],
		[
			'municipal agreements with one agreement',
			{
				questions: { municipalAgreements: 1, municipalClusters: 1, municipalMaxPerCluster: 1 },
				choices: { agreementMunicipalities: [{ key: '851', clusters: 1 }] }
			},
			{
				question: 'municipalAgreements',
				key: 'findings_h_municipal',
				params: { agreements: 1, municipalities: 1, clusters: 1, max: 1 }
			}
		],
		[
			'municipal agreements with many agreements',
			{
				questions: { municipalAgreements: 15, municipalClusters: 9, municipalMaxPerCluster: 4 },
				choices: {
					agreementMunicipalities: [
						{ key: '851', clusters: 6 },
						{ key: '813', clusters: 0 },
						{ key: '860', clusters: 3 }
					]
				}
			},
			{
				question: 'municipalAgreements',
				key: 'findings_h_municipal',
				params: { agreements: 15, municipalities: 2, clusters: 9, max: 4 }
			}
		]
	])('says %s, in its place and with its params', (_name, change, expected) => {
		const out = headlinesOf(quietWith(change));
		const order = ['status', 'presence', expected.question, 'agreements'];
		// Municipal agreements come after the agreements headline; everything else before it.
		if (expected.question === 'municipalAgreements')
			order.splice(2, 2, 'agreements', expected.question);
		expect(out.map((h) => h.question)).toEqual(order);
		expect(out.find((h) => h.question === expected.question)).toEqual(expected);
	});

	it.each<[string, Overrides, string]>([
		[
			'partners: clusters with partners is 0',
			{ questions: { withPartners: 0, partnersAnswered: 25 } },
			'partners'
		],
		[
			'members: clusters is 0 though a sum is set',
			{ sums: { members: { clusters: 0, sum: 12, estimates: 0, over50: 0, under50: 12 } } },
			'members'
		],
		[
			'unique companies: clusters is 0 though a sum is set',
			{ sums: { uniqueCompanies: { clusters: 0, sum: 5, estimates: 0, sinceYears: [2021] } } },
			'uniqueCompanies'
		],
		[
			'participants: clusters is 0 though a sum is set',
			{ sums: { participants: { clusters: 0, sum: 5, estimates: 0, sinceYears: [2021] } } },
			'participants'
		],
		[
			'activities: clusters with activities is 0',
			{ questions: { withActivities: 0, activitiesAnswered: 24 } },
			'activities'
		],
		[
			'municipal agreements: agreements is 0 though clusters are set',
			{ questions: { municipalAgreements: 0, municipalClusters: 3, municipalMaxPerCluster: 2 } },
			'municipalAgreements'
		]
	])('leaves out %s', (_name, change, question) => {
		expect(questionsOf(quietWith(change))).not.toContain(question);
	});

	it.each<[string, number[], string]>([
		['the round since year when no cluster gave one', [], '2021'],
		['the one year the clusters gave', [2020], '2020'],
		['several years joined with /', [2019, 2021, 2022], '2019/2021/2022']
	])('since is %s', (_name, sinceYears, since) => {
		const input = quietWith({
			sums: {
				uniqueCompanies: { clusters: 3, sum: 90, estimates: 1, sinceYears },
				participants: { clusters: 2, sum: 400, estimates: 0, sinceYears }
			}
		});
		const out = headlinesOf(input);
		expect(out.find((h) => h.question === 'uniqueCompanies')?.params.since).toBe(since);
		expect(out.find((h) => h.question === 'participants')?.params.since).toBe(since);
	});

	it('takes since for unique companies and participants each from its own years', () => {
		const out = headlinesOf(
			quietWith({
				round: { sinceYear: 2018 },
				sums: {
					uniqueCompanies: { clusters: 3, sum: 90, estimates: 1, sinceYears: [2020] },
					participants: { clusters: 2, sum: 400, estimates: 0, sinceYears: [] }
				}
			})
		);
		expect(out.find((h) => h.question === 'uniqueCompanies')?.params.since).toBe('2020');
		expect(out.find((h) => h.question === 'participants')?.params.since).toBe('2018');
	});

	it('with every count above 0 says all nine headlines in the order of the slides', () => {
		expect(
			questionsOf(
				findingsInput({ choices: { agreementMunicipalities: [{ key: '851', clusters: 9 }] } })
			)
		).toEqual([
			'status',
			'presence',
			'partners',
			'members',
			'uniqueCompanies',
			'participants',
			'activities',
			'agreements',
			'municipalAgreements'
		]);
	});
});
