/**
 * The questionnaire's wording: every text the respondent reads, in Danish and English. A round
 * starts with these defaults (worded after the source document's survey); analysts may edit them,
 * which stores a new version, and each response keeps the version it was given under.
 * `{region}` and `{since}` are filled in per round.
 */
import { z } from 'zod';

const Text = z.object({
	da: z.string().trim().min(1).max(2000),
	en: z.string().trim().min(1).max(2000)
});

export const textKeys = [
	'title',
	'intro',
	'activeInRegion',
	'activeInRegionNo',
	'presence',
	'presenceOwnOffice',
	'presenceCoLocatedWith',
	'presenceMunicipalities',
	'partners',
	'members',
	'membersTotal',
	'membersOver50',
	'membersUnder50',
	'estimate',
	'uniqueCompanies',
	'participants',
	'count',
	'sinceYear',
	'activities',
	'agreements',
	'agreementsNone',
	'agreementsMunicipality',
	'agreementsMunicipalities',
	'other',
	'completed'
] as const;
export type TextKey = (typeof textKeys)[number];

export const QuestionnaireTextsSchema = z.object(
	Object.fromEntries(textKeys.map((key) => [key, Text])) as Record<TextKey, typeof Text>
);
export type QuestionnaireTexts = z.infer<typeof QuestionnaireTextsSchema>;

export const defaultTexts: QuestionnaireTexts = {
	title: { da: 'Klyngers engagement i {region}', en: 'Clusters’ engagement in {region}' },
	intro: {
		da: 'Tak fordi I vil svare. Svarene samles for alle nationale klynger og bruges til at styrke samarbejdet med erhvervsfremmen i {region}. Har I ikke opgjort et tal pr. region, må I gerne give et estimat og markere det. Svarene gemmes, mens I skriver, og I kan vende tilbage via samme link.',
		en: 'Thank you for answering. The answers are gathered for all national clusters and used to strengthen the collaboration with business promotion in {region}. If you have not counted a figure per region, feel free to give an estimate and tick it. Answers are saved as you type, and you can come back through the same link.'
	},
	activeInRegion: {
		da: 'Har klyngen aktiviteter i {region}?',
		en: 'Does the cluster have activities in {region}?'
	},
	activeInRegionNo: {
		da: 'Ingen aktiviteter i {region} – afslut nu',
		en: 'No activities in {region} – finish now'
	},
	presence: { da: 'Fysisk tilstedeværelse i {region}', en: 'Physical presence in {region}' },
	presenceOwnOffice: { da: 'Selvstændigt fysisk kontor', en: 'Own office' },
	presenceCoLocatedWith: { da: 'Samlokation med {actor}', en: 'Co-located with {actor}' },
	presenceMunicipalities: {
		da: 'I hvilke kommuner er I til stede?',
		en: 'In which municipalities are you present?'
	},
	partners: {
		da: 'Hvilke aktører i {region} samarbejder klyngen med?',
		en: 'Which actors in {region} does the cluster work with?'
	},
	members: { da: 'Virksomhedsmedlemmer i {region}', en: 'Company members in {region}' },
	membersTotal: { da: 'Antal medlemmer i alt', en: 'Members in total' },
	membersOver50: { da: 'Heraf med over 50 ansatte', en: 'Of which with more than 50 employees' },
	membersUnder50: { da: 'Heraf med under 50 ansatte', en: 'Of which with fewer than 50 employees' },
	estimate: { da: 'Tallene er et estimat', en: 'The figures are an estimate' },
	uniqueCompanies: {
		da: 'Unikke virksomheder fra {region}, der har deltaget i jeres arrangementer og aktiviteter',
		en: 'Unique companies from {region} that took part in your events and activities'
	},
	participants: {
		da: 'Deltagere i alt fra {region} i jeres arrangementer og aktiviteter',
		en: 'Participants in total from {region} in your events and activities'
	},
	count: { da: 'Antal', en: 'Number' },
	sinceYear: { da: 'Siden år', en: 'Since year' },
	activities: {
		da: 'Hvilke aktiviteter, projekter og værditilbud har klyngen i {region}?',
		en: 'Which activities, projects and offers does the cluster have in {region}?'
	},
	agreements: {
		da: 'Har klyngen samarbejdsaftaler med aktører i {region}?',
		en: 'Does the cluster have collaboration agreements with actors in {region}?'
	},
	agreementsNone: {
		da: 'Ingen samarbejdsaftaler i {region}',
		en: 'No collaboration agreements in {region}'
	},
	agreementsMunicipality: { da: 'Kommuner i {region}', en: 'Municipalities in {region}' },
	agreementsMunicipalities: { da: 'Med hvilke kommuner?', en: 'With which municipalities?' },
	other: { da: 'Andet – beskriv gerne', en: 'Other – please describe' },
	completed: {
		da: 'Tak for jeres svar. I kan åbne besvarelsen igen og rette den, indtil runden lukker.',
		en: 'Thank you for your answers. You can reopen and change them until the round closes.'
	}
};

/** A text in a language with the round's values filled in. */
export function fill(
	text: { da: string; en: string },
	locale: 'da' | 'en',
	values: Record<string, string>
): string {
	return text[locale].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
