/** Labels for the landscape's figures and clusters, in the current language or an explicit one. */
import type { Figure, Metric, Stage } from '$lib/domain/landscape/types';
import {
	formatDkk,
	formatDkkMillions,
	formatNumber,
	formatPercent,
	type Locale
} from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { opts, type Message } from './options';

const metrics: Record<Metric, Message> = {
	employees: m.metric_employees,
	members: m.metric_members,
	board_size: m.metric_board_size,
	chair_from_business: m.metric_chair_from_business,
	funding_public_grant: m.metric_funding_public_grant,
	funding_membership_fees: m.metric_funding_membership_fees,
	funding_project_income: m.metric_funding_project_income,
	funding_other: m.metric_funding_other,
	funding_total: m.metric_funding_total,
	project_portfolio: m.metric_project_portfolio,
	equity: m.metric_equity,
	participants: m.metric_participants
};

export function metricLabel(metric: Metric, locale?: Locale): string {
	return metrics[metric]({}, opts(locale));
}

export function stageLabel(stage: Stage | null, locale?: Locale): string {
	const o = opts(locale);
	if (stage === 'emerging') return m.stage_emerging({}, o);
	if (stage === 'developing') return m.stage_developing({}, o);
	if (stage === 'mature') return m.stage_mature({}, o);
	return m.stage_unknown({}, o);
}

export function emergingLabel(
	emerging: boolean | null,
	uncertain: boolean,
	locale?: Locale
): string {
	const o = opts(locale);
	if (emerging === null) return m.landscape_emerging_unknown({}, o);
	if (emerging)
		return uncertain ? m.landscape_emerging_probably({}, o) : m.landscape_emerging_yes({}, o);
	return m.landscape_emerging_no({}, o);
}

/** A figure's value in words: `ca. 400`, `mindst 250`, `32 mio. kr.`, `35 %`, `Ja`. */
export function figureValueText(
	figure: Pick<Figure, 'value' | 'unit' | 'qualifier'>,
	locale: Locale
): string {
	const o = opts(locale);
	let text: string;
	switch (figure.unit) {
		case 'dkk':
			text =
				figure.value >= 1_000_000
					? formatDkkMillions(figure.value, locale)
					: formatDkk(figure.value, locale);
			break;
		case 'share':
			text = formatPercent(figure.value, locale);
			break;
		case 'boolean':
			text = figure.value === 1 ? m.yes({}, o) : m.no({}, o);
			break;
		default:
			text = formatNumber(figure.value, locale);
	}
	if (figure.qualifier === 'approx') return m.qualifier_approx({ value: text }, o);
	if (figure.qualifier === 'at-least') return m.qualifier_at_least({ value: text }, o);
	return text;
}

export function sourceKindLabel(kind: Figure['sourceKind'], locale?: Locale): string {
	const o = opts(locale);
	switch (kind) {
		case 'url':
			return m.source_kind_url({}, o);
		case 'survey':
			return m.source_kind_survey({}, o);
		case 'user':
			return m.source_kind_user({}, o);
		case 'reference':
			return m.source_kind_reference({}, o);
	}
}
