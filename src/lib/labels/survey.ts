/** Labels for the survey's questions, in the current language or an explicit one. */
import { questionKeys } from '$lib/domain/survey/answers';
import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { opts, type Message } from './options';

const questions: Record<(typeof questionKeys)[number], Message> = {
	activeInRegion: m.question_active,
	presence: m.question_presence,
	partners: m.question_partners,
	members: m.question_members,
	uniqueCompanies: m.question_unique,
	participants: m.question_participants,
	activities: m.question_activities,
	agreements: m.question_agreements,
	municipalAgreements: m.question_municipal
};

export function questionLabel(key: string, locale?: Locale): string {
	return questions[key as keyof typeof questions]?.({}, opts(locale)) ?? key;
}

export function questionOptions(locale?: Locale): { value: string; label: string }[] {
	return questionKeys.map((key) => ({ value: key, label: questions[key]({}, opts(locale)) }));
}
