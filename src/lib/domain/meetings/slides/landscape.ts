/** The cluster landscape and the business models, from the landscape register. */
import type { DeckBuilder } from './model';

export function landscape(b: DeckBuilder): void {
	const { s, say } = b;
	const l = s.landscape;
	const current = l.programmes.at(-1);
	b.add({
		kind: 'bullets',
		id: 'landscape',
		title: say('deck_landscape_title'),
		bullets: [
			say('deck_landscape_count', { clusters: l.clusters.length }),
			...(current
				? [
						say('deck_landscape_programme', {
							name: current.name,
							from: current.fromYear,
							to: current.toYear,
							clusters: current.clusters
						})
					]
				: []),
			say('deck_landscape_next', {
				clusters: l.next.clusters,
				total: b.n(Math.round(l.next.totalDkk / 1_000_000))
			}),
			...(b.board ? l.coreTask.slice(0, 1) : [])
		],
		footer: b.registerFooter(),
		notes: say('deck_landscape_notes')
	});
	if (b.board) return;
	b.add({
		kind: 'table',
		id: 'clusters',
		title: say('deck_clusters_title'),
		columns: [
			say('deck_col_cluster'),
			say('deck_col_area'),
			say('deck_col_stage'),
			say('deck_col_members')
		],
		rows: l.clusters.map((c) => [
			{ text: c.name },
			{ text: c.area },
			{ text: c.stage ? say(`stage_${c.stage}`) : '–', tone: c.stage ? undefined : 'muted' },
			{
				text: c.members === null ? '–' : b.n(c.members),
				tone: c.members === null ? 'muted' : undefined
			}
		]),
		footer: b.registerFooter(),
		notes: say('deck_clusters_notes')
	});
	b.add({
		kind: 'chart',
		id: 'history',
		title: say('deck_history_title'),
		headline: say('deck_history_headline', {
			periods: l.history.length,
			first: l.history[0]?.from ?? ''
		}),
		chart: {
			type: 'column',
			categories: l.programmes.map((p) => `${p.fromYear}–${p.toYear}`),
			series: [{ name: say('deck_series_clusters'), values: l.programmes.map((p) => p.clusters) }],
			valueTitle: say('deck_series_clusters'),
			unit: 'count'
		},
		footer: b.registerFooter(),
		notes: l.history.map((h) => `${h.from}–${h.to}: ${h.label}`).join('\n')
	});
	b.add({
		kind: 'chart',
		id: 'funding',
		title: say('deck_funding_title'),
		headline: say('deck_funding_headline', { total: b.n(Math.round(l.next.totalDkk / 1_000_000)) }),
		chart: {
			type: 'bar',
			categories: l.funding.map((f) => f.label),
			series: [
				{
					name: say('deck_series_mdkk'),
					values: l.funding.map((f) => Math.round(f.amountDkk / 1_000_000))
				}
			],
			valueTitle: say('deck_series_mdkk'),
			unit: 'dkk'
		},
		footer: b.registerFooter(),
		notes: say('deck_funding_notes')
	});
	b.add({
		kind: 'bullets',
		id: 'core-narrative',
		title: say('deck_core_title'),
		bullets: [...l.coreTask, ...l.economy],
		footer: say('deck_footer_source_document'),
		notes: say('deck_core_notes')
	});
}

export function businessModels(b: DeckBuilder): void {
	const { s, say } = b;
	const l = s.landscape;
	const known = l.stages.emerging + l.stages.developing + l.stages.mature;
	if (!b.board) {
		b.add({
			kind: 'table',
			id: 'ranges',
			title: say('deck_ranges_title'),
			columns: [
				say('deck_col_metric'),
				say('deck_col_smallest'),
				say('deck_col_largest'),
				say('deck_col_n')
			],
			rows: l.ranges.map((r) => [
				{ text: say(r.metric === 'boardSize' ? 'metric_board_size' : `metric_${r.metric}`) },
				{ text: r.min ? `${b.n(r.min.value)} (${r.min.name})` : '–' },
				{ text: r.max ? `${b.n(r.max.value)} (${r.max.name})` : '–' },
				{
					text:
						say('deck_n_of', { n: r.n, N: r.of }) +
						(r.estimates ? say('deck_estimates_suffix', { count: r.estimates }) : '')
				}
			]),
			footer: b.registerFooter(),
			notes: say('deck_ranges_notes', {
				ratio: l.fundingRatio.ratio === null ? '–' : b.n(l.fundingRatio.ratio),
				n: l.fundingRatio.n,
				N: l.fundingRatio.of
			})
		});
		b.add({
			kind: 'chart',
			id: 'stages',
			title: say('deck_stages_title'),
			headline: say('deck_stages_headline', { mature: l.stages.mature, known }),
			chart: {
				type: 'column',
				categories: [say('stage_emerging'), say('stage_developing'), say('stage_mature')],
				series: [
					{
						name: say('deck_series_clusters'),
						values: [l.stages.emerging, l.stages.developing, l.stages.mature]
					}
				],
				valueTitle: say('deck_series_clusters'),
				unit: 'count'
			},
			footer: b.registerFooter(),
			notes: say('deck_stages_notes', { unknown: l.stages.unknown })
		});
	}
}

/** Caveats per question, for the speaker notes. */
