import type { Figure, Metric, Stage } from '$lib/domain/landscape/types';
import {
	formatDkk,
	formatDkkMillions,
	formatNumber,
	formatPercent,
	type Locale
} from '$lib/format';
import { m } from '$lib/paraglide/messages.js';

export function metricLabel(metric: Metric): string {
	const labels: Record<Metric, () => string> = {
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
	return labels[metric]();
}

export function stageLabel(stage: Stage | null): string {
	if (stage === 'emerging') return m.stage_emerging();
	if (stage === 'developing') return m.stage_developing();
	if (stage === 'mature') return m.stage_mature();
	return m.stage_unknown();
}

export function emergingLabel(emerging: boolean | null, uncertain: boolean): string {
	if (emerging === null) return m.landscape_emerging_unknown();
	if (emerging) return uncertain ? m.landscape_emerging_probably() : m.landscape_emerging_yes();
	return m.landscape_emerging_no();
}

/** A figure's value in words: `ca. 400`, `mindst 250`, `32 mio. kr.`, `35 %`, `Ja`. */
export function figureValueText(
	figure: Pick<Figure, 'value' | 'unit' | 'qualifier'>,
	locale: Locale
): string {
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
			text = figure.value === 1 ? m.yes() : m.no();
			break;
		default:
			text = formatNumber(figure.value, locale);
	}
	if (figure.qualifier === 'approx') return m.qualifier_approx({ value: text });
	if (figure.qualifier === 'at-least') return m.qualifier_at_least({ value: text });
	return text;
}

export function sourceKindLabel(kind: Figure['sourceKind']): string {
	switch (kind) {
		case 'url':
			return m.source_kind_url();
		case 'survey':
			return m.source_kind_survey();
		case 'user':
			return m.source_kind_user();
		case 'reference':
			return m.source_kind_reference();
	}
}
