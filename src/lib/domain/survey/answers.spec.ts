import { describe, expect, it } from 'vitest';
import {
	AnswersSchema,
	checkAnswers,
	type AnswerIssue,
	type Answers,
	type RegionContext
} from './answers';

/**
 * Nordjylland with two actors on each list, one of them on both: a slug valid for one question
 * must still be refused on the other.
 */
const context: RegionContext = {
	regionCode: '1081',
	roundYear: 2023,
	municipalities: new Set(['851', '813', '860']),
	coLocationActors: new Set(['aau', 'erhvervshus-nordjylland']),
	partnerActors: new Set(['aau', 'ucn']),
	agreementParties: new Set(['brn']),
	activityCodes: new Set(['knowledge-matchmaking', 'projects'])
};

/** Every question answered, every rule met. */
const valid: Answers = {
	activeInRegion: true,
	presence: { ownOffice: true, coLocatedWith: ['aau'], other: null, municipalities: ['851'] },
	partners: { actors: ['aau', 'ucn'], other: 'Nordsøen Oceanarium' },
	members: { total: 80, over50: 30, under50: 50, estimate: false },
	uniqueCompanies: { count: 420, sinceYear: 2021, estimate: true },
	participants: { count: 1500, sinceYear: 2021, estimate: true },
	activities: { codes: ['knowledge-matchmaking'], other: null },
	agreements: {
		parties: ['brn', 'municipality', 'other'],
		other: 'Green Hub Denmark',
		municipalities: ['851', '813']
	}
};

type Change = {
	[K in keyof Answers]?: NonNullable<Answers[K]> extends object
		? Partial<NonNullable<Answers[K]>> | null
		: Answers[K];
};

/** The valid answers with some questions changed: a question's fields merge, `null` clears it. */
function answers(change: Change = {}, base: Answers = valid): Answers {
	const out: Record<string, unknown> = { ...base };
	for (const [key, value] of Object.entries(change)) {
		const current = out[key];
		out[key] =
			value !== null && typeof value === 'object' && current
				? { ...(current as object), ...value }
				: value;
	}
	return out as Answers;
}

const issue = (path: (string | number)[], key: string, params: AnswerIssue['params'] = {}) => ({
	path,
	key,
	params
});

const inactive: Answers = { activeInRegion: false };

describe('checkAnswers: valid answers', () => {
	it.each<[string, Answers]>([
		['every question answered', valid],
		[
			'answered with nothing (no presence, partners, activities or agreements)',
			answers({
				presence: { ownOffice: false, coLocatedWith: [], other: null, municipalities: [] },
				partners: { actors: [], other: null },
				activities: { codes: [], other: null },
				agreements: { parties: [], other: null, municipalities: [] }
			})
		],
		['members all zero', answers({ members: { total: 0, over50: 0, under50: 0 } })],
		['members without the size split', answers({ members: { over50: null, under50: null } })],
		[
			'members with only one part, at most the total',
			answers({ members: { over50: 80, under50: null } })
		],
		[
			'since years in the round year itself',
			answers({ uniqueCompanies: { sinceYear: 2023 }, participants: { sinceYear: 2023 } })
		],
		[
			'since years not given',
			answers({ uniqueCompanies: { sinceYear: null }, participants: { sinceYear: null } })
		],
		[
			'municipality and other as parties, though the region does not list them',
			answers({ agreements: { parties: ['municipality', 'other'] } })
		],
		['an inactive cluster that answered nothing else', inactive],
		[
			'an inactive cluster whose other questions are null',
			{ activeInRegion: false, presence: null, members: null, agreements: null }
		]
	])('accepts %s as complete', (_name, value) => {
		expect(checkAnswers(value, context, { complete: true })).toEqual([]);
	});

	it.each<[string, Answers]>([
		['nothing answered yet', { activeInRegion: null }],
		['only the first question', { activeInRegion: true }],
		['a few questions', { activeInRegion: true, presence: valid.presence, members: valid.members }],
		['members without a total', answers({ members: { total: null } })],
		[
			'municipality as a party before the municipalities are chosen',
			answers({ agreements: { municipalities: [] } })
		]
	])('accepts %s while the answer is not complete', (_name, value) => {
		expect(checkAnswers(value, context, { complete: false })).toEqual([]);
	});
});

describe('checkAnswers: an inactive cluster', () => {
	it.each<[string, Answers, AnswerIssue[]]>([
		[
			'one other answer',
			{ activeInRegion: false, presence: valid.presence },
			[issue(['presence'], 'survey_inactive_has_answers')]
		],
		[
			'every other answer, reported in question order',
			{ ...valid, activeInRegion: false },
			[
				'presence',
				'partners',
				'members',
				'uniqueCompanies',
				'participants',
				'activities',
				'agreements'
			].map((key) => issue([key], 'survey_inactive_has_answers'))
		],
		[
			'answers that would break other rules: only the answers themselves are reported',
			{
				activeInRegion: false,
				partners: { actors: ['nobody'], other: null },
				members: { total: 10, over50: 20, under50: 30, estimate: false }
			},
			[
				issue(['partners'], 'survey_inactive_has_answers'),
				issue(['members'], 'survey_inactive_has_answers')
			]
		]
	])('with %s is refused', (_name, value, expected) => {
		expect(checkAnswers(value, context, { complete: true })).toEqual(expected);
		expect(checkAnswers(value, context, { complete: false })).toEqual(expected);
	});
});

describe('checkAnswers: options of the region', () => {
	it.each<[string, Change, AnswerIssue[]]>([
		[
			'an unknown co-location actor',
			{ presence: { coLocatedWith: ['aau', 'nobody'] } },
			[issue(['presence', 'coLocatedWith'], 'survey_unknown_actor', { values: 'nobody' })]
		],
		[
			'a partner actor offered for co-location',
			{ presence: { coLocatedWith: ['ucn'] } },
			[issue(['presence', 'coLocatedWith'], 'survey_unknown_actor', { values: 'ucn' })]
		],
		[
			'several unknown co-location actors, listed together',
			{ presence: { coLocatedWith: ['x', 'aau', 'y'] } },
			[issue(['presence', 'coLocatedWith'], 'survey_unknown_actor', { values: 'x, y' })]
		],
		[
			'a presence municipality outside the region',
			{ presence: { municipalities: ['851', '101'] } },
			[
				issue(['presence', 'municipalities'], 'survey_municipality_outside_region', {
					values: '101'
				})
			]
		],
		[
			'an unknown partner actor',
			{ partners: { actors: ['aau', 'nobody'] } },
			[issue(['partners', 'actors'], 'survey_unknown_actor', { values: 'nobody' })]
		],
		[
			'a co-location actor offered as a partner',
			{ partners: { actors: ['erhvervshus-nordjylland'] } },
			[issue(['partners', 'actors'], 'survey_unknown_actor', { values: 'erhvervshus-nordjylland' })]
		],
		[
			'an unknown activity code',
			{ activities: { codes: ['projects', 'parties'] } },
			[issue(['activities', 'codes'], 'survey_unknown_activity', { values: 'parties' })]
		],
		[
			'an unknown agreement party',
			{ agreements: { parties: ['aau', 'municipality'] } },
			[issue(['agreements', 'parties'], 'survey_unknown_party', { values: 'aau' })]
		],
		[
			'an agreement municipality outside the region',
			{ agreements: { municipalities: ['813', '101', '147'] } },
			[
				issue(['agreements', 'municipalities'], 'survey_municipality_outside_region', {
					values: '101, 147'
				})
			]
		]
	])('refuses %s', (_name, change, expected) => {
		expect(checkAnswers(answers(change), context, { complete: false })).toEqual(expected);
	});
});

describe('checkAnswers: duplicate choices', () => {
	it.each<[string, Change, AnswerIssue[]]>([
		[
			'a presence municipality',
			{ presence: { municipalities: ['851', '813', '851'] } },
			[issue(['presence', 'municipalities'], 'survey_duplicate_choice')]
		],
		[
			'an agreement party',
			{ agreements: { parties: ['brn', 'municipality', 'brn'] } },
			[issue(['agreements', 'parties'], 'survey_duplicate_choice')]
		],
		[
			'an agreement municipality',
			{ agreements: { municipalities: ['813', '813'] } },
			[issue(['agreements', 'municipalities'], 'survey_duplicate_choice')]
		],
		[
			'a municipality outside the region, reported as both',
			{ presence: { municipalities: ['101', '101'] } },
			[
				issue(['presence', 'municipalities'], 'survey_municipality_outside_region', {
					values: '101, 101'
				}),
				issue(['presence', 'municipalities'], 'survey_duplicate_choice')
			]
		]
	])('refuses %s chosen twice', (_name, change, expected) => {
		expect(checkAnswers(answers(change), context, { complete: false })).toEqual(expected);
	});
});

describe('checkAnswers: numbers', () => {
	it.each<[string, Change, AnswerIssue[]]>([
		[
			'over50 + under50 below the total',
			{ members: { total: 80, over50: 30, under50: 40 } },
			[issue(['members', 'total'], 'survey_members_sum', { total: 80, over50: 30, under50: 40 })]
		],
		[
			'over50 + under50 above the total',
			{ members: { total: 80, over50: 50, under50: 50 } },
			[issue(['members', 'total'], 'survey_members_sum', { total: 80, over50: 50, under50: 50 })]
		],
		[
			'over50 above the total, under50 not given',
			{ members: { total: 10, over50: 11, under50: null } },
			[issue(['members', 'over50'], 'survey_members_part_too_big', { total: 10 })]
		],
		[
			'under50 above the total, over50 not given',
			{ members: { total: 10, over50: null, under50: 12 } },
			[issue(['members', 'under50'], 'survey_members_part_too_big', { total: 10 })]
		],
		[
			'both parts above the total',
			{ members: { total: 10, over50: 11, under50: 12 } },
			[
				issue(['members', 'total'], 'survey_members_sum', { total: 10, over50: 11, under50: 12 }),
				issue(['members', 'over50'], 'survey_members_part_too_big', { total: 10 }),
				issue(['members', 'under50'], 'survey_members_part_too_big', { total: 10 })
			]
		],
		[
			'unique companies since the year after the round',
			{ uniqueCompanies: { sinceYear: 2024 } },
			[issue(['uniqueCompanies', 'sinceYear'], 'survey_since_after_round', { year: 2023 })]
		],
		[
			'participants since the year after the round',
			{ participants: { sinceYear: 2030 } },
			[issue(['participants', 'sinceYear'], 'survey_since_after_round', { year: 2023 })]
		],
		[
			'both since years after the round',
			{ uniqueCompanies: { sinceYear: 2024 }, participants: { sinceYear: 2025 } },
			[
				issue(['uniqueCompanies', 'sinceYear'], 'survey_since_after_round', { year: 2023 }),
				issue(['participants', 'sinceYear'], 'survey_since_after_round', { year: 2023 })
			]
		]
	])('refuses %s', (_name, change, expected) => {
		expect(checkAnswers(answers(change), context, { complete: false })).toEqual(expected);
	});

	it('compares since years with the round year of the context', () => {
		const value = answers({ uniqueCompanies: { sinceYear: 2024 } });
		expect(checkAnswers(value, { ...context, roundYear: 2024 }, { complete: true })).toEqual([]);
	});

	it('checks the size split without a total only once the total is given', () => {
		const value = answers({ members: { total: null, over50: 20, under50: 70 } });
		expect(checkAnswers(value, context, { complete: false })).toEqual([]);
		expect(
			checkAnswers(answers({ members: { total: 80 } }, value), context, { complete: false })
		).toEqual([
			issue(['members', 'total'], 'survey_members_sum', { total: 80, over50: 20, under50: 70 })
		]);
	});
});

describe('checkAnswers: agreements', () => {
	it.each<[string, Change, AnswerIssue[]]>([
		[
			'municipalities without municipality among the parties',
			{ agreements: { parties: ['brn'], municipalities: ['851'] } },
			[issue(['agreements', 'parties'], 'survey_municipalities_without_party')]
		],
		[
			'other as a party without saying which (null)',
			{ agreements: { other: null } },
			[issue(['agreements', 'other'], 'survey_other_missing')]
		],
		[
			'other as a party without saying which (empty text)',
			{ agreements: { other: '' } },
			[issue(['agreements', 'other'], 'survey_other_missing')]
		]
	])('refuses %s', (_name, change, expected) => {
		expect(checkAnswers(answers(change), context, { complete: false })).toEqual(expected);
	});
});

const unanswered = (key: string) => issue([key], 'survey_question_unanswered');
const questions = [
	'presence',
	'partners',
	'members',
	'uniqueCompanies',
	'participants',
	'activities',
	'agreements'
] as const;

describe('checkAnswers: a complete answer', () => {
	it('needs the first question answered, and only that when it is not', () => {
		expect(checkAnswers({ activeInRegion: null }, context, { complete: true })).toEqual([
			issue(['activeInRegion'], 'validation_required')
		]);
	});

	it('still checks the other answers while the first question is open', () => {
		const value = answers({ activeInRegion: null, partners: { actors: ['nobody'] } });
		expect(checkAnswers(value, context, { complete: true })).toEqual([
			issue(['partners', 'actors'], 'survey_unknown_actor', { values: 'nobody' }),
			issue(['activeInRegion'], 'validation_required')
		]);
	});

	it('from an active cluster needs every question, reported in question order', () => {
		expect(checkAnswers({ activeInRegion: true }, context, { complete: true })).toEqual(
			questions.map(unanswered)
		);
	});

	it.each(questions)('from an active cluster needs %s (null)', (key) => {
		const value = answers({ [key]: null });
		expect(checkAnswers(value, context, { complete: true })).toEqual([unanswered(key)]);
		expect(checkAnswers(value, context, { complete: false })).toEqual([]);
	});

	it.each(questions)('from an active cluster needs %s (left out)', (key) => {
		const value: Answers = { ...valid };
		delete value[key];
		expect(checkAnswers(value, context, { complete: true })).toEqual([unanswered(key)]);
	});

	it('needs the member total', () => {
		expect(
			checkAnswers(answers({ members: { total: null } }), context, { complete: true })
		).toEqual([issue(['members', 'total'], 'validation_required')]);
	});

	it('needs the municipalities when municipality is a party', () => {
		expect(
			checkAnswers(answers({ agreements: { municipalities: [] } }), context, { complete: true })
		).toEqual([issue(['agreements', 'municipalities'], 'survey_municipalities_missing')]);
	});

	it('reports rule issues before missing answers', () => {
		const value = answers({ presence: { coLocatedWith: ['nobody'] }, activities: null });
		expect(checkAnswers(value, context, { complete: true })).toEqual([
			issue(['presence', 'coLocatedWith'], 'survey_unknown_actor', { values: 'nobody' }),
			unanswered('activities')
		]);
	});
});

/** Negative numbers and impossible years are refused by the schema, before `checkAnswers`. */
describe('AnswersSchema', () => {
	it('accepts the valid answers unchanged', () => {
		expect(AnswersSchema.parse(valid)).toEqual(valid);
	});

	it.each<[string, Change, (string | number)[], string]>([
		['a negative member total', { members: { total: -1 } }, ['members', 'total'], 'too_small'],
		['a negative over50', { members: { over50: -3 } }, ['members', 'over50'], 'too_small'],
		['a negative under50', { members: { under50: -3 } }, ['members', 'under50'], 'too_small'],
		[
			'a fractional member total',
			{ members: { total: 80.5 } },
			['members', 'total'],
			'invalid_type'
		],
		[
			'a negative unique company count',
			{ uniqueCompanies: { count: -5 } },
			['uniqueCompanies', 'count'],
			'too_small'
		],
		[
			'a negative participant count',
			{ participants: { count: -1 } },
			['participants', 'count'],
			'too_small'
		],
		[
			'a count above ten million',
			{ participants: { count: 10_000_001 } },
			['participants', 'count'],
			'too_big'
		],
		[
			'a since year before 1990',
			{ uniqueCompanies: { sinceYear: 1989 } },
			['uniqueCompanies', 'sinceYear'],
			'too_small'
		],
		[
			'a since year after 2100',
			{ participants: { sinceYear: 2101 } },
			['participants', 'sinceYear'],
			'too_big'
		]
	])('refuses %s', (_name, change, path, code) => {
		const result = AnswersSchema.safeParse(answers(change));
		expect(result.error?.issues.map((i) => ({ path: i.path, code: i.code }))).toEqual([
			{ path, code }
		]);
	});

	it.each<[string, Change]>([
		['a count of zero', { members: { total: 0, over50: 0, under50: 0 } }],
		['the largest count', { participants: { count: 10_000_000 } }],
		['since 1990', { uniqueCompanies: { sinceYear: 1990 } }]
	])('accepts %s', (_name, change) => {
		expect(AnswersSchema.safeParse(answers(change)).success).toBe(true);
	});

	it('refuses a question it does not know', () => {
		const result = AnswersSchema.safeParse({ ...valid, municipalAgreements: [] });
		expect(result.error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
	});
});
