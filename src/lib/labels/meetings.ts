/** Labels for meetings and the snapshot comparison, in the current language or an explicit one. */
import type { Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { opts, type Message } from './options';

export function audienceLabel(audience: 'board' | 'management', locale?: Locale): string {
	const o = opts(locale);
	return audience === 'board'
		? m.meeting_audience_board({}, o)
		: m.meeting_audience_management({}, o);
}

/** The key figures compared between snapshots (see `keyFigures`). */
const figures: Record<string, Message> = {
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

export function figureLabel(key: string, locale?: Locale): string {
	return figures[key]?.({}, opts(locale)) ?? key;
}

const clusterFields: Record<string, Message> = {
	members: m.meeting_cf_members,
	employees: m.meeting_cf_employees,
	stage: m.meeting_cf_stage,
	added: m.meeting_cf_added,
	removed: m.meeting_cf_removed
};

export function clusterFieldLabel(field: string, locale?: Locale): string {
	return clusterFields[field]?.({}, opts(locale)) ?? field;
}
