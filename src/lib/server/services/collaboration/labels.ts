/** The collaboration area's labels in the user's language, shared by its pages, decks and exports. */
import type { ChecklistCode } from '$lib/domain/collaboration/catalogue';
import type { Locale } from '$lib/format';
import { m } from '../../i18n';

export function checklistLabel(code: ChecklistCode, locale: Locale): string {
	const o = { locale };
	const labels: Record<ChecklistCode, () => string> = {
		'respect-core-narrative': () => m.checklist_respect_core_narrative({}, o),
		'concrete-agreement': () => m.checklist_concrete_agreement({}, o),
		proximity: () => m.checklist_proximity({}, o),
		'concrete-projects': () => m.checklist_concrete_projects({}, o),
		'role-clarity': () => m.checklist_role_clarity({}, o),
		'cross-municipal': () => m.checklist_cross_municipal({}, o),
		'goals-kpis': () => m.checklist_goals_kpis({}, o)
	};
	return labels[code]();
}
