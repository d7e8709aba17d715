/**
 * Dialogue questions proposed for a meeting from its snapshot: where the findings show a gap
 * (clusters without agreements or presence, scattered single-municipality agreements), where a
 * recommendation awaits a decision, and where KPIs are off track. The analyst edits them after.
 */
import type { Audience, Say } from './slides';
import type { DeckSnapshot } from './snapshot';

export function proposeQuestions(s: DeckSnapshot, audience: Audience, say: Say): string[] {
	const out: string[] = [];
	const region = s.region.name;
	const f = s.survey;
	if (f) {
		const active = f.round.n;
		const without = active - f.figures.clustersWithAgreements;
		if (without > 0) out.push(say('deck_q_without_agreements', { count: without, region }));
		if (f.figures.present < active)
			out.push(say('deck_q_presence', { count: active - f.figures.present, region }));
		const municipal = f.charts.find((c) => c.id === 'municipalAgreements');
		const municipalities = municipal?.categories.filter((c) => c.value > 0).length ?? 0;
		if (f.figures.municipalAgreements > 1 && municipalities > 1)
			out.push(
				say('deck_q_cross_municipal', {
					agreements: f.figures.municipalAgreements,
					municipalities
				})
			);
	}
	const undecided = (s.recommendations?.rows ?? []).filter((r) => r.top && !r.decision);
	for (const r of undecided.slice(0, audience === 'board' ? 2 : 3)) {
		out.push(say('deck_q_recommendation', { model: r.top?.name ?? '', cluster: r.name }));
	}
	const offTrack = s.agreements?.kpiCounts['off-track'] ?? 0;
	if (offTrack > 0) out.push(say('deck_q_kpis', { count: offTrack }));
	if (audience === 'management' && s.fit) {
		const served = new Set(s.fit.cells.filter((c) => c.score >= 35).map((c) => c.effort));
		const gaps = s.fit.efforts.filter((e) => !served.has(e.code));
		if (gaps.length)
			out.push(say('deck_q_effort_gaps', { efforts: gaps.map((g) => g.title).join(', ') }));
	}
	return out;
}
