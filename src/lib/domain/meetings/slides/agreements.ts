/** The agreements, their KPI status and the budget. */
import { kpiStatuses } from '../../agreements/kpi';
import type { Tone } from './model';
import type { DeckBuilder } from './model';

const kpiTone = { 'on-track': 'good', 'at-risk': 'warn', 'off-track': 'bad', 'no-data': 'muted' };

export function agreements(b: DeckBuilder): void {
	const { s, say } = b;
	const a = s.agreements;
	if (!a || a.rows.length === 0) return;
	const date = b.date(s.takenAt);
	const footer = say('deck_footer_agreements', { count: a.rows.length, date });
	b.add({
		kind: 'table',
		id: 'agreements',
		title: say('deck_agreements_title'),
		columns: [
			say('deck_col_agreement'),
			say('deck_col_cluster'),
			say('deck_col_status'),
			say('deck_col_kpi')
		],
		rows: a.rows.map((r) => [
			{ text: r.isDemo ? `${r.title} (${say('deck_demo_short')})` : r.title },
			{ text: r.cluster },
			{ text: say(`agreement_status_${r.status}`) },
			{
				text: say(`kpi_status_${r.kpiStatus.replace('-', '_')}`),
				tone: kpiTone[r.kpiStatus] as Tone
			}
		]),
		footer,
		notes: say('deck_agreements_notes')
	});
	b.add({
		kind: 'chart',
		id: 'kpi-status',
		title: say('deck_kpi_title'),
		headline: say('deck_kpi_headline', {
			off: a.kpiCounts['off-track'],
			all: kpiStatuses.reduce((sum, k) => sum + a.kpiCounts[k], 0)
		}),
		chart: {
			type: 'bar',
			categories: kpiStatuses.map((k) => say(`kpi_status_${k.replace('-', '_')}`)),
			series: [{ name: say('deck_series_kpis'), values: kpiStatuses.map((k) => a.kpiCounts[k]) }],
			valueTitle: say('deck_series_kpis'),
			unit: 'count'
		},
		footer,
		notes: say('deck_kpi_notes')
	});
	if (!b.board && a.budget.years.length && a.budget.parties.length) {
		b.add({
			kind: 'chart',
			id: 'budget',
			title: say('deck_budget_title'),
			headline: null,
			chart: {
				type: 'column',
				categories: a.budget.years.map(String),
				// In thousands: whole numbers below a million read the same in every locale.
				series: a.budget.parties.map((p) => ({
					name: p.label,
					values: a.budget.years.map((y) => Math.round((p.byYear[String(y)] ?? 0) / 1000))
				})),
				valueTitle: say('deck_series_tdkk'),
				unit: 'dkk'
			},
			footer,
			notes: say('deck_budget_notes')
		});
	}
}
