import { m } from '$lib/paraglide/messages.js';

export function audienceLabel(audience: 'board' | 'management'): string {
	return audience === 'board' ? m.meeting_audience_board() : m.meeting_audience_management();
}

/** The key figures compared between snapshots (see `keyFigures`). */
export function figureLabel(key: string): string {
	const labels: Record<string, () => string> = {
		clusters: m.meeting_fig_clusters,
		mature: m.meeting_fig_mature,
		completed: m.meeting_fig_completed,
		present: m.meeting_fig_present,
		membersTotal: m.meeting_fig_members,
		uniqueCompanies: m.meeting_fig_unique,
		participants: m.meeting_fig_participants,
		clustersWithAgreements: m.meeting_fig_with_agreements,
		municipalAgreements: m.meeting_fig_municipal,
		agreementsActive: m.meeting_fig_agreements_active,
		kpisOffTrack: m.meeting_fig_kpis_off,
		budgetTotal: m.meeting_fig_budget
	};
	return labels[key]?.() ?? key;
}

export function clusterFieldLabel(field: string): string {
	const labels: Record<string, () => string> = {
		members: m.meeting_cf_members,
		employees: m.meeting_cf_employees,
		stage: m.meeting_cf_stage,
		added: m.meeting_cf_added,
		removed: m.meeting_cf_removed
	};
	return labels[field]?.() ?? field;
}
