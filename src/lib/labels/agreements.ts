/**
 * Labels for agreement terms, in the caller's language: used by pages (the current locale) and by
 * the server's exports and CLI (an explicit locale).
 */
import type { AgreementStatus } from '$lib/domain/agreements/agreement';
import type { Frequency, KpiStatus, Measurement } from '$lib/domain/agreements/kpi';
import { formatDate, type Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { opts } from './options';

export function kpiStatusLabel(status: KpiStatus, locale?: Locale): string {
	const o = opts(locale);
	switch (status) {
		case 'on-track':
			return m.kpi_status_on_track({}, o);
		case 'at-risk':
			return m.kpi_status_at_risk({}, o);
		case 'off-track':
			return m.kpi_status_off_track({}, o);
		case 'no-data':
			return m.kpi_status_no_data({}, o);
	}
}

export function agreementStatusLabel(status: AgreementStatus, locale?: Locale): string {
	const o = opts(locale);
	switch (status) {
		case 'draft':
			return m.agreement_status_draft({}, o);
		case 'active':
			return m.agreement_status_active({}, o);
		case 'ended':
			return m.agreement_status_ended({}, o);
		case 'cancelled':
			return m.agreement_status_cancelled({}, o);
	}
}

export function frequencyLabel(frequency: Frequency, locale?: Locale): string {
	const o = opts(locale);
	switch (frequency) {
		case 'quarterly':
			return m.kpi_frequency_quarterly({}, o);
		case 'half-yearly':
			return m.kpi_frequency_half_yearly({}, o);
		case 'yearly':
			return m.kpi_frequency_yearly({}, o);
	}
}

/** A KPI source: typed in, or one of the automatic sources. */
export function sourceLabel(source: string, locale?: Locale): string {
	const o = opts(locale);
	switch (source) {
		case 'survey-members':
			return m.kpi_source_survey_members({}, o);
		case 'survey-unique-companies':
			return m.kpi_source_survey_unique({}, o);
		case 'survey-participants':
			return m.kpi_source_survey_participants({}, o);
		case 'survey-activities':
			return m.kpi_source_survey_activities({}, o);
		case 'survey-covered-presence':
			return m.kpi_source_survey_presence({}, o);
		case 'register-unique-companies':
			return m.kpi_source_register_unique({}, o);
		default:
			return m.kpi_source_manual({}, o);
	}
}

/** Where a measurement counted in the register came from: the year's lists by kind and file. */
export function importProvenanceLabel(
	provenance: Extract<Measurement['provenance'], { kind: 'import' }>,
	locale: Locale
): string {
	const o = { locale };
	const lists = provenance.lists
		.map((list) => {
			const kind =
				list.kind === 'members'
					? m.companies_kind_members({}, o)
					: m.companies_kind_participants({}, o);
			return `${kind.toLowerCase()} ${list.filename}`;
		})
		.join(', ');
	return m.kpi_from_register(
		{ year: String(provenance.year), lists, date: formatDate(provenance.importedOn, locale) },
		o
	);
}
