import { questionKeys } from '$lib/domain/survey/answers';
import { m } from '$lib/paraglide/messages.js';

const labels: Record<(typeof questionKeys)[number], () => string> = {
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

export function questionLabel(key: string): string {
	return labels[key as keyof typeof labels]?.() ?? key;
}

export function questionOptions(): { value: string; label: string }[] {
	return questionKeys.map((key) => ({ value: key, label: labels[key]() }));
}
