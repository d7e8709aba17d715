/**
 * Builds the SurveyJS form definition from the questionnaire's structure (`form-pages.ts`) and
 * wording, and maps between the form's flat data and our answer model. SurveyJS only draws and
 * checks the form; the answers we store, validate and count are always `Answers`.
 */
import type { Answers } from './answers';
import type { AnswerField } from './fields';
import {
	completeWhen,
	coLocationPrefix as COLOC,
	formPages,
	type ChoiceList,
	type ChoiceQuestion,
	type Condition,
	type NumberQuestion,
	type Panel,
	type Question,
	type Wording,
	type YearQuestion
} from './form-pages';
import { fill, type QuestionnaireTexts, type TextKey } from './questionnaire';

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
type Word = (key: TextKey, values?: Record<string, string>) => string;

function wording(texts: QuestionnaireTexts, o: FormOptions): Word {
	return (key, values = {}) =>
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

function condition(c: Condition): string {
	if ('equals' in c) return `{${c.field}} = '${c.equals}'`;
	if ('contains' in c) return `{${c.field}} contains '${c.contains}'`;
	return `{${c.field}} notempty and {${c.field}} notcontains '${c.answeredWithout}'`;
}

function listItems(o: FormOptions, list: ChoiceList): { value: string; name: string }[] {
	if (list === 'municipalities')
		return o.municipalities.map((m) => ({ value: m.code, name: m.name }));
	if (list === 'activities') return o.activities.map((a) => ({ value: a.code, name: a.label }));
	return o[list].map((a) => ({ value: a.slug, name: a.name }));
}

function choiceQuestion(q: ChoiceQuestion, t: Word, o: FormOptions): Json {
	const say = (w: Wording) => (typeof w === 'string' ? t(w) : o.labels[w.label]);
	const choices = q.choices.flatMap((c) =>
		'list' in c
			? listItems(o, c.list).map((item) => ({
					value: `${c.valuePrefix ?? ''}${item.value}`,
					text: c.text ? t(c.text, { actor: item.name }) : item.name
				}))
			: [{ value: c.value, text: say(c.text) }]
	);
	return {
		type: q.kind === 'single' ? 'radiogroup' : 'checkbox',
		name: q.field,
		title: t(q.title),
		...(q.visibleIf && { visibleIf: condition(q.visibleIf) }),
		...(q.required && { isRequired: true }),
		...(q.columns && { colCount: q.columns }),
		choices,
		...(q.other && { showOtherItem: true, otherText: t('other') }),
		...(q.none && { showNoneItem: true, noneText: say(q.none) })
	};
}

/** Numbers are whole and not negative, as the answer schema wants them. */
function numberQuestion(q: NumberQuestion | YearQuestion, t: Word, o: FormOptions): Json {
	const sum = q.kind === 'number' ? q.sumOf : undefined;
	return {
		type: 'text',
		name: q.field,
		title: t(q.title),
		inputType: 'number',
		min: q.kind === 'year' ? q.from : 0,
		step: 1,
		isRequired: q.required === true,
		...(q.sameLine && { startWithNewLine: false }),
		...(q.kind === 'year' && { max: o.roundYear, defaultValue: o.sinceYear }),
		...(sum && {
			validators: [
				{
					type: 'expression',
					expression: [
						...sum.map((part) => `{${part.field}} empty`),
						`${sum.map((part) => `{${part.field}}`).join(' + ')} = {${q.field}}`
					].join(' or '),
					text: `${sum.map((part) => t(part.title)).join(' + ')} = ${t(q.title)}`
				}
			]
		})
	};
}

function element(e: Question | Panel, t: Word, o: FormOptions): Json {
	switch (e.kind) {
		case 'panel':
			return {
				type: 'panel',
				name: e.name,
				title: t(e.title),
				elements: e.elements.map((inner) => element(inner, t, o))
			};
		case 'single':
		case 'multiple':
			return choiceQuestion(e, t, o);
		case 'number':
		case 'year':
			return numberQuestion(e, t, o);
		case 'estimate':
			return {
				type: 'boolean',
				name: e.field,
				title: t(e.title),
				renderAs: 'checkbox',
				titleLocation: 'hidden',
				label: t(e.title)
			};
	}
}

/**
 * Every questionnaire text goes into properties SurveyJS draws as text (titles, descriptions,
 * choices); none goes into a property it draws as HTML. A unit test walks the definition for
 * `*Html` keys.
 */
export function buildSurveyDefinition(texts: QuestionnaireTexts, o: FormOptions): Json {
	const t = wording(texts, o);
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
		pages: formPages.map((page) => ({
			name: page.name,
			...(page.visibleIf && { visibleIf: condition(page.visibleIf) }),
			elements: page.elements.map((e) => element(e, t, o))
		})),
		triggers: [{ type: 'complete', expression: condition(completeWhen) }]
	};
}

/** The form's data. Keys are SurveyJS question names; `<name>-Comment` holds "other" texts. */
export type SurveyData = Record<string, unknown>;

/** The form's data by answer field, so a name the field list does not have fails to compile. */
type FormValues = { [K in AnswerField | `${AnswerField}-Comment`]?: unknown };

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

function reachFrom(form: FormValues, prefix: 'unique' | 'participants') {
	const count = form[`${prefix}Count`];
	const since = form[`${prefix}Since`];
	const estimate = form[`${prefix}Estimate`];
	return count !== undefined || since !== undefined || estimate !== undefined
		? { count: numberOrNull(count), sinceYear: numberOrNull(since), estimate: estimate === true }
		: null;
}

/** Our answers from the form's data; what the form has not asked yet stays null. */
export function fromSurveyData(data: SurveyData): Answers {
	const form: FormValues = data;
	const activeInRegion =
		form.activeInRegion === 'yes' ? true : form.activeInRegion === 'no' ? false : null;
	if (activeInRegion === false) return { activeInRegion: false };
	const answered = (field: AnswerField) => form[field] !== undefined;
	const presence = list(form.presence);
	const partners = list(form.partners);
	const activities = list(form.activities);
	const agreements = list(form.agreements);
	return {
		activeInRegion,
		presence: answered('presence')
			? {
					ownOffice: presence.includes('none') ? false : presence.includes('ownOffice'),
					coLocatedWith: presence
						.filter((v) => v.startsWith(COLOC))
						.map((v) => v.slice(COLOC.length)),
					other: presence.includes('other') ? textOrNull(form['presence-Comment']) : null,
					municipalities: presence.includes('none') ? [] : list(form.presenceMunicipalities)
				}
			: null,
		partners: answered('partners')
			? {
					actors: partners.filter((v) => v !== 'other' && v !== 'none'),
					other: partners.includes('other') ? textOrNull(form['partners-Comment']) : null
				}
			: null,
		members:
			answered('membersTotal') || answered('membersOver50') || answered('membersUnder50')
				? {
						total: numberOrNull(form.membersTotal),
						over50: numberOrNull(form.membersOver50),
						under50: numberOrNull(form.membersUnder50),
						estimate: form.membersEstimate === true
					}
				: null,
		uniqueCompanies: reachFrom(form, 'unique'),
		participants: reachFrom(form, 'participants'),
		activities: answered('activities')
			? {
					codes: activities.filter((v) => v !== 'other'),
					other: activities.includes('other') ? textOrNull(form['activities-Comment']) : null
				}
			: null,
		agreements: answered('agreements')
			? {
					parties: agreements.filter((v) => v !== 'none'),
					other: agreements.includes('other') ? textOrNull(form['agreements-Comment']) : null,
					municipalities: agreements.includes('municipality')
						? list(form.agreementsMunicipalities)
						: []
				}
			: null
	};
}

/** The form's data from our answers (to resume, or to prefill from last year). */
export function toSurveyData(answers: Answers): SurveyData {
	const data: FormValues = {};
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
