/**
 * The questionnaire's structure as data: its pages, the questions on them, which answer field
 * each question fills, which text it is worded by, where its choices come from and when it is
 * shown. `buildSurveyDefinition` turns this, the round's wording and its lists into SurveyJS.
 */
import { earliestSinceYear } from './answers';
import type { AnswerField } from './fields';
import type { TextKey } from './questionnaire';

/** The round's lists a question can offer as choices. */
export type ChoiceList =
	'coLocationActors' | 'partnerActors' | 'agreementParties' | 'municipalities' | 'activities';

/** Labels the page passes in that are not questionnaire wording. */
export type LabelKey = 'yes' | 'noPresence' | 'noPartners';

/** A questionnaire text, or one of the page's labels. */
export type Wording = TextKey | { label: LabelKey };

export type Choice =
	| { value: string; text: Wording }
	/** Every item of a list; `text` words an item by its name (`{actor}`), else the name is used. */
	| { list: ChoiceList; valuePrefix?: string; text?: TextKey };

/** When a page or question is shown, by the form's answer to one question. */
export type Condition =
	| { field: AnswerField; equals: string }
	| { field: AnswerField; contains: string }
	| { field: AnswerField; answeredWithout: string };

export interface ChoiceQuestion {
	kind: 'single' | 'multiple';
	field: AnswerField;
	title: TextKey;
	visibleIf?: Condition;
	required?: true;
	columns?: number;
	choices: Choice[];
	/** Offers "other" with a free text, worded by the `other` text. */
	other?: true;
	/** Offers a choice that answers the question with nothing. */
	none?: Wording;
}

export interface NumberQuestion {
	kind: 'number';
	field: AnswerField;
	title: TextKey;
	required?: true;
	sameLine?: true;
	/** The parts whose sum, when all are given, must be this number. */
	sumOf?: NumberQuestion[];
}

/** A year from `from` up to the round's year, starting at the round's "since" year. */
export interface YearQuestion {
	kind: 'year';
	field: AnswerField;
	title: TextKey;
	from: number;
	required?: true;
	sameLine?: true;
}

/** A tick-box saying the figures beside it are an estimate. */
export interface EstimateQuestion {
	kind: 'estimate';
	field: AnswerField;
	title: TextKey;
}

export type Question = ChoiceQuestion | NumberQuestion | YearQuestion | EstimateQuestion;

export interface Panel {
	kind: 'panel';
	name: string;
	title: TextKey;
	elements: Question[];
}

export interface Page {
	name: string;
	visibleIf?: Condition;
	elements: (Question | Panel)[];
}

/** Co-location choices share the presence question with "own office", so they carry a prefix. */
export const coLocationPrefix = 'coloc:';

const active: Condition = { field: 'activeInRegion', equals: 'yes' };

/** The form finishes at once when the cluster has no activities in the region. */
export const completeWhen: Condition = { field: 'activeInRegion', equals: 'no' };

const membersOver50: NumberQuestion = {
	kind: 'number',
	field: 'membersOver50',
	title: 'membersOver50'
};
const membersUnder50: NumberQuestion = {
	kind: 'number',
	field: 'membersUnder50',
	title: 'membersUnder50',
	sameLine: true
};

function reach(
	name: string,
	title: TextKey,
	fields: { count: AnswerField; since: AnswerField; estimate: AnswerField }
): Panel {
	return {
		kind: 'panel',
		name,
		title,
		elements: [
			{ kind: 'number', field: fields.count, title: 'count', required: true },
			{
				kind: 'year',
				field: fields.since,
				title: 'sinceYear',
				from: earliestSinceYear,
				required: true,
				sameLine: true
			},
			{ kind: 'estimate', field: fields.estimate, title: 'estimate' }
		]
	};
}

export const formPages: Page[] = [
	{
		name: 'active',
		elements: [
			{
				kind: 'single',
				field: 'activeInRegion',
				title: 'activeInRegion',
				required: true,
				choices: [
					{ value: 'yes', text: { label: 'yes' } },
					{ value: 'no', text: 'activeInRegionNo' }
				]
			}
		]
	},
	{
		name: 'presence',
		visibleIf: active,
		elements: [
			{
				kind: 'multiple',
				field: 'presence',
				title: 'presence',
				required: true,
				choices: [
					{ value: 'ownOffice', text: 'presenceOwnOffice' },
					{
						list: 'coLocationActors',
						valuePrefix: coLocationPrefix,
						text: 'presenceCoLocatedWith'
					}
				],
				other: true,
				none: { label: 'noPresence' }
			},
			{
				kind: 'multiple',
				field: 'presenceMunicipalities',
				title: 'presenceMunicipalities',
				visibleIf: { field: 'presence', answeredWithout: 'none' },
				columns: 3,
				choices: [{ list: 'municipalities' }]
			}
		]
	},
	{
		name: 'partners',
		visibleIf: active,
		elements: [
			{
				kind: 'multiple',
				field: 'partners',
				title: 'partners',
				required: true,
				choices: [{ list: 'partnerActors' }],
				other: true,
				none: { label: 'noPartners' }
			}
		]
	},
	{
		name: 'members',
		visibleIf: active,
		elements: [
			{
				kind: 'panel',
				name: 'membersPanel',
				title: 'members',
				elements: [
					{
						kind: 'number',
						field: 'membersTotal',
						title: 'membersTotal',
						required: true,
						sumOf: [membersOver50, membersUnder50]
					},
					membersOver50,
					membersUnder50,
					{ kind: 'estimate', field: 'membersEstimate', title: 'estimate' }
				]
			}
		]
	},
	{
		name: 'reach',
		visibleIf: active,
		elements: [
			reach('uniquePanel', 'uniqueCompanies', {
				count: 'uniqueCount',
				since: 'uniqueSince',
				estimate: 'uniqueEstimate'
			}),
			reach('participantsPanel', 'participants', {
				count: 'participantsCount',
				since: 'participantsSince',
				estimate: 'participantsEstimate'
			})
		]
	},
	{
		name: 'activities',
		visibleIf: active,
		elements: [
			{
				kind: 'multiple',
				field: 'activities',
				title: 'activities',
				required: true,
				choices: [{ list: 'activities' }],
				other: true
			}
		]
	},
	{
		name: 'agreements',
		visibleIf: active,
		elements: [
			{
				kind: 'multiple',
				field: 'agreements',
				title: 'agreements',
				required: true,
				choices: [
					{ list: 'agreementParties' },
					{ value: 'municipality', text: 'agreementsMunicipality' }
				],
				other: true,
				none: 'agreementsNone'
			},
			{
				kind: 'multiple',
				field: 'agreementsMunicipalities',
				title: 'agreementsMunicipalities',
				visibleIf: { field: 'agreements', contains: 'municipality' },
				required: true,
				columns: 3,
				choices: [{ list: 'municipalities' }]
			}
		]
	}
];
