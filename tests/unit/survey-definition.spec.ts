/**
 * Golden tests of the questionnaire the cluster sees: the SurveyJS definition for the default
 * wording with a Danish region, and for edited English wording with other lists, compared with
 * the reviewed files in tests/fixtures/survey/. After a deliberate change to the form, regenerate
 * them with `UPDATE_GOLDEN=1 npx vitest run tests/unit/survey-definition.spec.ts` and review the
 * diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTexts, type QuestionnaireTexts } from '../../src/lib/domain/survey/questionnaire';
import { buildSurveyDefinition, type FormOptions } from '../../src/lib/domain/survey/surveyjs';

const dir = join('tests', 'fixtures', 'survey');

const nordjylland: FormOptions = {
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

/** English, no co-location actors and no agreement parties, other years and edited wording. */
const syddanmark: FormOptions = {
	locale: 'en',
	regionName: 'Region of Southern Denmark',
	sinceYear: 2019,
	roundYear: 2025,
	coLocationActors: [],
	partnerActors: [
		{ slug: 'sdu', name: 'University of Southern Denmark' },
		{ slug: 'erhvervshus-sydjylland', name: 'Erhvervshus Sydjylland' },
		{ slug: 'erhvervshus-fyn', name: 'Erhvervshus Fyn' }
	],
	agreementParties: [],
	municipalities: [
		{ code: '461', name: 'Odense' },
		{ code: '561', name: 'Esbjerg' },
		{ code: '621', name: 'Kolding' }
	],
	activities: [
		{ code: 'knowledge-matchmaking', label: 'Knowledge sharing and matchmaking' },
		{ code: 'projects', label: 'Projects' }
	],
	labels: { yes: 'Yes', noPresence: 'No physical presence', noPartners: 'No partners' }
};

const editedTexts: QuestionnaireTexts = {
	...defaultTexts,
	title: { da: defaultTexts.title.da, en: 'Clusters in {region} since {since}' },
	presenceCoLocatedWith: {
		da: defaultTexts.presenceCoLocatedWith.da,
		en: 'Sharing a desk at {actor}'
	},
	estimate: { da: defaultTexts.estimate.da, en: 'Estimated' }
};

describe.each([
	['nordjylland-da', defaultTexts, nordjylland],
	['syddanmark-en', editedTexts, syddanmark]
] as const)('the questionnaire %s', (name, texts, options) => {
	it('matches the reviewed golden definition', () => {
		const file = join(dir, `definition-${name}.golden.json`);
		const actual = buildSurveyDefinition(texts, options);
		if (process.env.UPDATE_GOLDEN === '1')
			writeFileSync(file, `${JSON.stringify(actual, null, '\t')}\n`);
		expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
	});
});
