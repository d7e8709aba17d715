/** The fit matrix and the recommended collaboration models. */
import type { Tone } from './model';
import type { DeckBuilder } from './model';

function scoreTone(score: number): Tone | undefined {
	if (score >= 60) return 'good';
	if (score >= 35) return 'warn';
	return undefined;
}

export function fitAndModels(b: DeckBuilder): void {
	const { s, say } = b;
	const fit = s.fit;
	if (fit && !b.board) {
		const top = fit.clusters.slice(0, 10);
		const cell = new Map(fit.cells.map((c) => [`${c.cluster}|${c.effort}`, c]));
		b.add({
			kind: 'table',
			id: 'fit',
			title: say('deck_fit_title'),
			columns: [say('deck_col_cluster'), ...fit.efforts.map((e) => e.title)],
			rows: top.map((c) => [
				{ text: c.name },
				...fit.efforts.map((e) => {
					const x = cell.get(`${c.slug}|${e.code}`);
					return x
						? { text: b.n(x.score), tone: scoreTone(x.score) }
						: { text: '–', tone: 'muted' as const };
				})
			]),
			footer: b.derivedFooter(),
			notes: say('deck_fit_notes', {
				shown: top.length,
				all: fit.clusters.length,
				example: fit.strategyIsExample ? say('deck_fit_example') : ''
			})
		});
	}
	const recs = s.recommendations;
	if (!recs) return;
	const rows = b.board ? recs.rows.slice(0, 6) : recs.rows;
	b.add({
		kind: 'table',
		id: 'recommendations',
		title: say('deck_recs_title'),
		columns: [
			say('deck_col_cluster'),
			say('deck_col_model'),
			say('deck_col_alternative'),
			say('deck_col_decision')
		],
		rows: rows.map((r) => [
			{ text: r.name },
			{ text: r.top ? `${r.top.name} (${b.n(r.top.score)})` : '–' },
			{ text: r.alternative ? r.alternative.name : '–', tone: 'muted' },
			{ text: r.decision ?? say('deck_undecided'), tone: r.decision ? 'good' : 'muted' }
		]),
		footer: b.derivedFooter(),
		notes: say('deck_recs_notes')
	});
	if (!b.board) {
		b.add({
			kind: 'bullets',
			id: 'checklist',
			title: say('deck_checklist_title'),
			bullets: recs.checklist.map((c) => c.label),
			footer: say('deck_footer_source_document'),
			notes: say('deck_checklist_notes')
		});
	}
}
