/**
 * Builds the SurveyJS form definition from our question model and wording, and maps between the
 * form's flat data and our answer model. SurveyJS only draws and checks the form; the answers we
 * store, validate and count are always `Answers`.
 */
import type { Answers } from './answers';
import { fill, type QuestionnaireTexts } from './questionnaire';

export interface FormOptions {
	locale: 'da' | 'en';
	regionName: string;
	sinceYear: number;
	roundYear: number;
	coLocationActors: { slug: string; name: string }[];
	partnerActors: { slug: string; name: string }[];
	agreementParties: { slug: string; name: string }[];
	municipalities: { code: string; name: string }[];
	activities: { code: string; label: string }[];
	/** Labels SurveyJS needs that are not questionnaire wording. */
	labels: { yes: string; noPresence: string; noPartners: string };
}

type Json = Record<string, unknown>;

const COLOC = 'coloc:';

function wording(texts: QuestionnaireTexts, o: FormOptions) {
	return (key: keyof QuestionnaireTexts, values: Record<string, string> = {}) =>
		fill(texts[key], o.locale, { region: o.regionName, since: String(o.sinceYear), ...values });
}

/**
 * The thank-you text, as plain text for the page to draw. It never goes into the definition:
 * SurveyJS's `completedHtml` is markup, and an analyst's wording must not run on the
 * respondent's page.
 */
export function surveyCompletedText(texts: QuestionnaireTexts, o: FormOptions): string {
	return wording(texts, o)('completed');
}

/**
 * Every questionnaire text goes into properties SurveyJS draws as text (titles, descriptions,
 * choices); none goes into a property it draws as HTML. A unit test walks the definition for
 * `*Html` keys.
 */
export function buildSurveyDefinition(texts: QuestionnaireTexts, o: FormOptions): Json {
	const t = wording(texts, o);
	const active = "{activeInRegion} = 'yes'";
	const number = (name: string, title: string, extra: Json = {}) => ({
		type: 'text',
		name,
		title,
		inputType: 'number',
		min: 0,
		step: 1,
		isRequired: false,
		...extra
	});
	const reach = (prefix: 'unique' | 'participants', title: string) => ({
		type: 'panel',
		name: `${prefix}Panel`,
		title,
		elements: [
			number(`${prefix}Count`, t('count'), { isRequired: true }),
			number(`${prefix}Since`, t('sinceYear'), {
				startWithNewLine: false,
				min: 1990,
				max: o.roundYear,
				defaultValue: o.sinceYear,
				isRequired: true
			}),
			{
				type: 'boolean',
				name: `${prefix}Estimate`,
				title: t('estimate'),
				renderAs: 'checkbox',
				titleLocation: 'hidden',
				label: t('estimate')
			}
		]
	});
	return {
		locale: o.locale,
		title: t('title'),
		description: t('intro'),
		showQuestionNumbers: 'off',
		checkErrorsMode: 'onValueChanged',
		textUpdateMode: 'onTyping',
		// Pages appear as the answers make them relevant, so a page count would mislead.
		showProgressBar: 'off',
		// The page shows the thank-you text itself (see surveyCompletedText).
		showCompletedPage: false,
		widthMode: 'static',
		width: '760px',
		pages: [
			{
				name: 'active',
				elements: [
					{
						type: 'radiogroup',
						name: 'activeInRegion',
						title: t('activeInRegion'),
						isRequired: true,
						choices: [
							{ value: 'yes', text: o.labels.yes },
							{ value: 'no', text: t('activeInRegionNo') }
						]
					}
				]
			},
			{
				name: 'presence',
				visibleIf: active,
				elements: [
					{
						type: 'checkbox',
						name: 'presence',
						title: t('presence'),
						isRequired: true,
						choices: [
							{ value: 'ownOffice', text: t('presenceOwnOffice') },
							...o.coLocationActors.map((a) => ({
								value: `${COLOC}${a.slug}`,
								text: t('presenceCoLocatedWith', { actor: a.name })
							}))
						],
						showOtherItem: true,
						otherText: t('other'),
						showNoneItem: true,
						noneText: o.labels.noPresence
					},
					{
						type: 'checkbox',
						name: 'presenceMunicipalities',
						title: t('presenceMunicipalities'),
						visibleIf: "{presence} notempty and {presence} notcontains 'none'",
						colCount: 3,
						choices: o.municipalities.map((mu) => ({ value: mu.code, text: mu.name }))
					}
				]
			},
			{
				name: 'partners',
				visibleIf: active,
				elements: [
					{
						type: 'checkbox',
						name: 'partners',
						title: t('partners'),
						isRequired: true,
						choices: o.partnerActors.map((a) => ({ value: a.slug, text: a.name })),
						showOtherItem: true,
						otherText: t('other'),
						showNoneItem: true,
						noneText: o.labels.noPartners
					}
				]
			},
			{
				name: 'members',
				visibleIf: active,
				elements: [
					{
						type: 'panel',
						name: 'membersPanel',
						title: t('members'),
						elements: [
							number('membersTotal', t('membersTotal'), {
								isRequired: true,
								validators: [
									{
										type: 'expression',
										expression:
											'{membersOver50} empty or {membersUnder50} empty or {membersOver50} + {membersUnder50} = {membersTotal}',
										text: `${t('membersOver50')} + ${t('membersUnder50')} = ${t('membersTotal')}`
									}
								]
							}),
							number('membersOver50', t('membersOver50')),
							number('membersUnder50', t('membersUnder50'), { startWithNewLine: false }),
							{
								type: 'boolean',
								name: 'membersEstimate',
								title: t('estimate'),
								renderAs: 'checkbox',
								titleLocation: 'hidden',
								label: t('estimate')
							}
						]
					}
				]
			},
			{
				name: 'reach',
				visibleIf: active,
				elements: [reach('unique', t('uniqueCompanies')), reach('participants', t('participants'))]
			},
			{
				name: 'activities',
				visibleIf: active,
				elements: [
					{
						type: 'checkbox',
						name: 'activities',
						title: t('activities'),
						isRequired: true,
						choices: o.activities.map((a) => ({ value: a.code, text: a.label })),
						showOtherItem: true,
						otherText: t('other')
					}
				]
			},
			{
				name: 'agreements',
				visibleIf: active,
				elements: [
					{
						type: 'checkbox',
						name: 'agreements',
						title: t('agreements'),
						isRequired: true,
						choices: [
							...o.agreementParties.map((a) => ({ value: a.slug, text: a.name })),
							{ value: 'municipality', text: t('agreementsMunicipality') }
						],
						showOtherItem: true,
						otherText: t('other'),
						showNoneItem: true,
						noneText: t('agreementsNone')
					},
					{
						type: 'checkbox',
						name: 'agreementsMunicipalities',
						title: t('agreementsMunicipalities'),
						visibleIf: "{agreements} contains 'municipality'",
						isRequired: true,
						colCount: 3,
						choices: o.municipalities.map((mu) => ({ value: mu.code, text: mu.name }))
					}
				]
			}
		],
		triggers: [{ type: 'complete', expression: "{activeInRegion} = 'no'" }]
	};
}

/** The form's data. Keys are SurveyJS question names; `<name>-Comment` holds "other" texts. */
export type SurveyData = Record<string, unknown>;

function list(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function numberOrNull(value: unknown): number | null {
	if (value === undefined || value === null || value === '') return null;
	const n = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(n) ? n : null;
}

function textOrNull(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Our answers from the form's data; what the form has not asked yet stays null. */
export function fromSurveyData(data: SurveyData): Answers {
	const activeValue = data.activeInRegion;
	const activeInRegion = activeValue === 'yes' ? true : activeValue === 'no' ? false : null;
	if (activeInRegion === false) return { activeInRegion: false };
	const answered = (name: string) => data[name] !== undefined;
	const presence = list(data.presence);
	const partners = list(data.partners);
	const activities = list(data.activities);
	const agreements = list(data.agreements);
	const reach = (prefix: string) =>
		answered(`${prefix}Count`) || answered(`${prefix}Since`) || answered(`${prefix}Estimate`)
			? {
					count: numberOrNull(data[`${prefix}Count`]),
					sinceYear: numberOrNull(data[`${prefix}Since`]),
					estimate: data[`${prefix}Estimate`] === true
				}
			: null;
	return {
		activeInRegion,
		presence: answered('presence')
			? {
					ownOffice: presence.includes('none') ? false : presence.includes('ownOffice'),
					coLocatedWith: presence
						.filter((v) => v.startsWith(COLOC))
						.map((v) => v.slice(COLOC.length)),
					other: presence.includes('other') ? textOrNull(data['presence-Comment']) : null,
					municipalities: presence.includes('none') ? [] : list(data.presenceMunicipalities)
				}
			: null,
		partners: answered('partners')
			? {
					actors: partners.filter((v) => v !== 'other' && v !== 'none'),
					other: partners.includes('other') ? textOrNull(data['partners-Comment']) : null
				}
			: null,
		members:
			answered('membersTotal') || answered('membersOver50') || answered('membersUnder50')
				? {
						total: numberOrNull(data.membersTotal),
						over50: numberOrNull(data.membersOver50),
						under50: numberOrNull(data.membersUnder50),
						estimate: data.membersEstimate === true
					}
				: null,
		uniqueCompanies: reach('unique'),
		participants: reach('participants'),
		activities: answered('activities')
			? {
					codes: activities.filter((v) => v !== 'other'),
					other: activities.includes('other') ? textOrNull(data['activities-Comment']) : null
				}
			: null,
		agreements: answered('agreements')
			? {
					parties: agreements.filter((v) => v !== 'none'),
					other: agreements.includes('other') ? textOrNull(data['agreements-Comment']) : null,
					municipalities: agreements.includes('municipality')
						? list(data.agreementsMunicipalities)
						: []
				}
			: null
	};
}

/** The form's data from our answers (to resume, or to prefill from last year). */
export function toSurveyData(answers: Answers): SurveyData {
	const data: SurveyData = {};
	if (answers.activeInRegion !== null) data.activeInRegion = answers.activeInRegion ? 'yes' : 'no';
	if (answers.activeInRegion === false) return data;
	const { presence, partners, members, uniqueCompanies, participants, activities, agreements } =
		answers;
	if (presence) {
		const values = [
			...(presence.ownOffice ? ['ownOffice'] : []),
			...presence.coLocatedWith.map((slug) => `${COLOC}${slug}`),
			...(presence.other ? ['other'] : [])
		];
		data.presence = values.length > 0 ? values : ['none'];
		if (presence.other) data['presence-Comment'] = presence.other;
		if (presence.municipalities.length > 0) data.presenceMunicipalities = presence.municipalities;
	}
	if (partners) {
		const values = [...partners.actors, ...(partners.other ? ['other'] : [])];
		data.partners = values.length > 0 ? values : ['none'];
		if (partners.other) data['partners-Comment'] = partners.other;
	}
	if (members) {
		if (members.total !== null) data.membersTotal = members.total;
		if (members.over50 !== null) data.membersOver50 = members.over50;
		if (members.under50 !== null) data.membersUnder50 = members.under50;
		if (members.estimate) data.membersEstimate = true;
	}
	for (const [prefix, value] of [
		['unique', uniqueCompanies],
		['participants', participants]
	] as const) {
		if (!value) continue;
		if (value.count !== null) data[`${prefix}Count`] = value.count;
		if (value.sinceYear !== null) data[`${prefix}Since`] = value.sinceYear;
		if (value.estimate) data[`${prefix}Estimate`] = true;
	}
	if (activities) {
		data.activities = [...activities.codes, ...(activities.other ? ['other'] : [])];
		if (activities.other) data['activities-Comment'] = activities.other;
	}
	if (agreements) {
		const values = agreements.parties.filter((p) => p !== 'other');
		if (agreements.parties.includes('other') || agreements.other) values.push('other');
		data.agreements = values.length > 0 ? values : ['none'];
		if (agreements.other) data['agreements-Comment'] = agreements.other;
		if (agreements.municipalities.length > 0)
			data.agreementsMunicipalities = agreements.municipalities;
	}
	return data;
}
