import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import type { Answers } from './answers';
import { defaultTexts } from './questionnaire';
import markup from '../../../../tests/fixtures/security/markup.json';
import {
	buildSurveyDefinition,
	fromSurveyData,
	surveyCompletedText,
	toSurveyData,
	type FormOptions
} from './surveyjs';

const options: FormOptions = {
	locale: 'da',
	regionName: 'Region Nordjylland',
	sinceYear: 2021,
	roundYear: 2023,
	coLocationActors: [
		{ slug: 'aau', name: 'Aalborg Universitet' },
		{ slug: 'erhvervshus-nordjylland', name: 'Erhvervshus Nordjylland' }
	],
	partnerActors: [
		{ slug: 'aau', name: 'Aalborg Universitet' },
		{ slug: 'ucn', name: 'Professionshøjskolen UCN' }
	],
	agreementParties: [{ slug: 'brn', name: 'Business Region North Denmark' }],
	municipalities: [
		{ code: '851', name: 'Aalborg' },
		{ code: '813', name: 'Frederikshavn' }
	],
	activities: [{ code: 'knowledge-matchmaking', label: 'Videnspredning og matchmaking' }],
	labels: {
		yes: 'Ja',
		noPresence: 'Ingen fysisk tilstedeværelse',
		noPartners: 'Ingen samarbejdspartnere'
	}
};

const full: Answers = {
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

describe('SurveyJS mapping', () => {
	it('round-trips answers through the form data', () => {
		expect(fromSurveyData(toSurveyData(full))).toEqual(full);
		expect(fromSurveyData(toSurveyData({ activeInRegion: false }))).toEqual({
			activeInRegion: false
		});
	});

	it('keeps "none" answers as answered-with-nothing, and unasked questions as null', () => {
		const answers = fromSurveyData({
			activeInRegion: 'yes',
			presence: ['none'],
			agreements: ['none']
		});
		expect(answers.presence).toEqual({
			ownOffice: false,
			coLocatedWith: [],
			other: null,
			municipalities: []
		});
		expect(answers.agreements).toEqual({ parties: [], other: null, municipalities: [] });
		expect(answers.members).toBeNull();
	});
});

describe('SurveyJS definition', () => {
	it('finishes at once when the cluster has no activities in the region', () => {
		const model = new Model(buildSurveyDefinition(defaultTexts, options));
		model.setValue('activeInRegion', 'no');
		expect(model.isLastPage || model.isCompleteButtonVisible).toBe(true);
		model.doComplete();
		expect(fromSurveyData(model.data)).toEqual({ activeInRegion: false });
	});

	it('asks the municipalities only when municipalities are an agreement party, and checks the member split', () => {
		const model = new Model(buildSurveyDefinition(defaultTexts, options));
		model.data = toSurveyData(full);
		expect(model.getQuestionByName('agreementsMunicipalities').isVisible).toBe(true);
		model.setValue('agreements', ['brn']);
		expect(model.getQuestionByName('agreementsMunicipalities').isVisible).toBe(false);
		model.setValue('membersTotal', 81);
		const total = model.getQuestionByName('membersTotal');
		expect(total.hasErrors()).toBe(true);
		model.setValue('membersTotal', 80);
		expect(total.hasErrors()).toBe(false);
	});

	it('fills the region and since-year into the Danish wording', () => {
		const json = buildSurveyDefinition(defaultTexts, options) as {
			title: string;
			pages: { elements: { title?: string }[] }[];
		};
		expect(json.title).toBe('Klyngers engagement i Region Nordjylland');
		expect(JSON.stringify(json)).toContain('Samlokation med Aalborg Universitet');
	});
});

describe('questionnaire texts are plain text in the form', () => {
	const probe = markup.texts;

	/** Every key SurveyJS draws as markup ends in "Html" (completedHtml, loadingHtml, html …). */
	function htmlKeys(value: unknown, path = ''): string[] {
		if (Array.isArray(value)) return value.flatMap((item, i) => htmlKeys(item, `${path}[${i}]`));
		if (value === null || typeof value !== 'object') return [];
		return Object.entries(value).flatMap(([key, inner]) => [
			...(/html$/i.test(key) ? [`${path}.${key}`] : []),
			...(key === 'type' && inner === 'html' ? [`${path}.type`] : []),
			...htmlKeys(inner, `${path}.${key}`)
		]);
	}

	it.each(probe)('puts no questionnaire text into an HTML property: %s', (text) => {
		const texts = Object.fromEntries(
			Object.entries(defaultTexts).map(([key, value]) => [key, { da: text, en: value.en }])
		) as typeof defaultTexts;
		const definition = buildSurveyDefinition(texts, options);
		expect(htmlKeys(definition)).toEqual([]);
		expect(JSON.stringify(definition)).toContain(JSON.stringify(text).slice(1, -1));
		expect(surveyCompletedText(texts, options)).toBe(text);
	});

	it('keeps SurveyJS from drawing its own completed page', () => {
		const definition = buildSurveyDefinition(defaultTexts, options);
		expect(definition.showCompletedPage).toBe(false);
		expect(new Model(definition).showCompletedPage).toBe(false);
	});
});
