/** The survey findings: one chart per question with n of N, headlines, maps and quotes. */
import type { BarChartViewModel } from '../../charts/bar';
import type { DeckBuilder } from './model';

export function findingNotes(b: DeckBuilder, vm: BarChartViewModel): string {
	const { say } = b;
	const parts = [say('deck_findings_method', { n: vm.n, N: vm.N })];
	if (vm.id === 'uniqueCompanies' || vm.id === 'members') parts.push(say('deck_findings_overlap'));
	if (vm.id === 'municipalAgreements') parts.push(say('deck_findings_municipal'));
	return parts.join('\n');
}

export function survey(b: DeckBuilder): void {
	const { s, say } = b;
	const sv = s.survey;
	if (!sv) {
		b.add({
			kind: 'bullets',
			id: 'survey-missing',
			title: say('deck_survey_title'),
			bullets: [say('deck_survey_none')],
			footer: null,
			notes: say('deck_survey_none')
		});
		return;
	}
	const register = sv.register
		? say('deck_register_line', {
				register: b.n(sv.register.unique),
				from: sv.register.from,
				to: sv.register.to
			})
		: null;
	if (b.board) {
		b.add({
			kind: 'bullets',
			id: 'headlines',
			title: say('deck_survey_title'),
			bullets: [...sv.headlines.map((h) => h.text), ...(register ? [register] : [])],
			footer: b.surveyFooter(sv.round.n),
			notes: say('deck_headlines_notes')
		});
	}
	const wanted = b.board ? ['presence', 'agreements'] : sv.charts.map((c) => c.id);
	const headline = new Map(sv.headlines.map((h) => [h.question, h.text]));
	for (const vm of sv.charts.filter((c) => wanted.includes(c.id))) {
		b.add({
			kind: 'chart',
			id: `finding-${vm.id}`,
			title: vm.title,
			headline: headline.get(vm.id) ?? null,
			chart: {
				type: 'bar',
				categories: vm.categories.map((c) => c.label),
				series: [{ name: vm.valueLabel, values: vm.categories.map((c) => c.value) }],
				valueTitle: vm.valueLabel,
				unit: 'count'
			},
			footer: b.surveyFooter(vm.n),
			notes: findingNotes(b, vm)
		});
	}
	const map = sv.maps.find((x) => x.id === 'municipalAgreements');
	if (map) {
		b.add({
			kind: 'image',
			id: 'map-municipal-agreements',
			title: map.title,
			svg: map.svg,
			caption: headline.get('municipalAgreements') ?? map.caption,
			footer: b.surveyFooter(sv.round.n),
			notes: map.caption
		});
	}
	if (!b.board && sv.register && register) {
		const reported = sv.headlines.find((h) => h.question === 'uniqueCompanies');
		b.add({
			kind: 'bullets',
			id: 'register',
			title: say('deck_register_title'),
			bullets: [...(reported ? [reported.text] : []), register],
			footer: say('deck_footer_register_lists', { from: sv.register.from, to: sv.register.to }),
			notes: say('deck_register_notes')
		});
	}
	if (!b.board && sv.quotes.length) {
		b.add({
			kind: 'quotes',
			id: 'quotes',
			title: say('deck_quotes_title'),
			quotes: sv.quotes
				.slice(0, 4)
				.map((q) => ({ text: q.text, who: q.cluster ?? say('deck_quote_anonymous') })),
			footer: say('deck_footer_interviews', { round: sv.round.title }),
			notes: say('deck_quotes_notes', { count: sv.quotes.length })
		});
	}
}
