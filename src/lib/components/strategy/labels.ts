import { m } from '$lib/paraglide/messages.js';
import type { ChecklistCode, ContributionKind } from '$lib/domain/collaboration/catalogue';

export function contributionLabel(kind: ContributionKind): string {
	const labels: Record<ContributionKind, () => string> = {
		money: m.model_contribution_money,
		premises: m.model_contribution_premises,
		staff: m.model_contribution_staff,
		access: m.model_contribution_access
	};
	return labels[kind]();
}

export function checklistItemLabel(code: ChecklistCode): string {
	const labels: Record<ChecklistCode, () => string> = {
		'respect-core-narrative': m.checklist_respect_core_narrative,
		'concrete-agreement': m.checklist_concrete_agreement,
		proximity: m.checklist_proximity,
		'concrete-projects': m.checklist_concrete_projects,
		'role-clarity': m.checklist_role_clarity,
		'cross-municipal': m.checklist_cross_municipal,
		'goals-kpis': m.checklist_goals_kpis
	};
	return labels[code]();
}

export function presenceLabel(presence: 'any' | 'present' | 'absent'): string {
	if (presence === 'present') return m.model_presence_present();
	if (presence === 'absent') return m.model_presence_absent();
	return m.model_presence_any();
}
