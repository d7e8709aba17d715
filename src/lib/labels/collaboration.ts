/**
 * Labels for the collaboration models and the agreement checklist, in the current language (pages)
 * or an explicit one (recommendations, decks and exports).
 */
import type { ChecklistCode, ContributionKind } from '$lib/domain/collaboration/catalogue';
import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { opts, type Message } from './options';

const contributions: Record<ContributionKind, Message> = {
	money: m.model_contribution_money,
	premises: m.model_contribution_premises,
	staff: m.model_contribution_staff,
	access: m.model_contribution_access
};

export function contributionLabel(kind: ContributionKind, locale?: Locale): string {
	return contributions[kind]({}, opts(locale));
}

const checklist: Record<ChecklistCode, Message> = {
	'respect-core-narrative': m.checklist_respect_core_narrative,
	'concrete-agreement': m.checklist_concrete_agreement,
	proximity: m.checklist_proximity,
	'concrete-projects': m.checklist_concrete_projects,
	'role-clarity': m.checklist_role_clarity,
	'cross-municipal': m.checklist_cross_municipal,
	'goals-kpis': m.checklist_goals_kpis
};

export function checklistLabel(code: ChecklistCode, locale?: Locale): string {
	return checklist[code]({}, opts(locale));
}

export function presenceLabel(presence: 'any' | 'present' | 'absent', locale?: Locale): string {
	const o = opts(locale);
	if (presence === 'present') return m.model_presence_present({}, o);
	if (presence === 'absent') return m.model_presence_absent({}, o);
	return m.model_presence_any({}, o);
}
