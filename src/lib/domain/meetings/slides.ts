/**
 * The slide model: a meeting's snapshot turned into a list of typed slides, following the source
 * document's own deck (title and purpose, the landscape, business models, the survey findings,
 * fit and recommended collaboration models, agreements, dialogue). Pure: the PowerPoint writer,
 * the printable HTML deck and the golden tests all read this list.
 *
 * The board gets the short deck (about a dozen slides), management the full one.
 */
import { formatDate, formatNumber, type Locale } from '../../format';
import { kpiStatuses } from '../agreements/kpi';
import type { BarChartViewModel } from '../charts/bar';
import type { DeckSnapshot } from './snapshot';

export const audiences = ['board', 'management'] as const;
export type Audience = (typeof audiences)[number];

/** Says a message key in the deck's language. */
export type Say = (key: string, params?: Record<string, string | number>) => string;

export interface DeckMeeting {
	title: string;
	audience: Audience;
	heldOn: string;
	purpose: string;
	agenda: string[];
	questions: string[];
	isDemo: boolean;
}

export interface DeckChart {
	type: 'bar' | 'column';
	categories: string[];
	series: { name: string; values: number[] }[];
	valueTitle: string;
	unit: 'count' | 'dkk';
}

export type Tone = 'good' | 'warn' | 'bad' | 'muted';
export interface TableCell {
	text: string;
	tone?: Tone;
}

interface Framed {
	id: string;
	title: string;
	/** Source, n of N and date, printed at the foot of the slide. */
	footer: string | null;
	/** Speaker notes: method and caveats. */
	notes: string;
}

export type Slide =
	| {
			kind: 'title';
			id: 'title';
			title: string;
			subtitle: string;
			date: string;
			demo: string | null;
	  }
	| (Framed & { kind: 'bullets'; bullets: string[] })
	| (Framed & { kind: 'chart'; headline: string | null; chart: DeckChart })
	| (Framed & { kind: 'table'; columns: string[]; rows: TableCell[][] })
	| (Framed & { kind: 'quotes'; quotes: { text: string; who: string }[] })
	| (Framed & { kind: 'image'; svg: string; caption: string });

const kpiTone = { 'on-track': 'good', 'at-risk': 'warn', 'off-track': 'bad', 'no-data': 'muted' };

function scoreTone(score: number): Tone | undefined {
	if (score >= 60) return 'good';
	if (score >= 35) return 'warn';
	return undefined;
}

class DeckBuilder {
	readonly slides: Slide[] = [];
	readonly board: boolean;
	readonly locale: Locale;

	constructor(
		readonly s: DeckSnapshot,
		readonly meeting: DeckMeeting,
		readonly say: Say
	) {
		this.board = meeting.audience === 'board';
		this.locale = s.locale;
	}

	n(value: number): string {
		return formatNumber(value, this.locale);
	}

	date(iso: string | null): string {
		return iso ? formatDate(iso.slice(0, 10), this.locale) : this.say('deck_no_date');
	}

	/** Footer for figures from the landscape register (reference data and profiles). */
	registerFooter(): string {
		return this.say('deck_footer_register', { date: this.date(this.s.landscape.updatedAt) });
	}

	surveyFooter(n: number): string {
		const round = this.s.survey?.round;
		return this.say('deck_footer_survey', {
			round: round?.title ?? '',
			n,
			N: round?.N ?? 0,
			date: this.date(round?.lastAnswerAt ?? null)
		});
	}

	derivedFooter(): string {
		return this.say('deck_footer_derived', {
			version: this.s.fit?.strategyVersion ?? 0,
			round: this.s.survey?.round.title ?? this.say('deck_no_round'),
			date: this.date(this.s.takenAt)
		});
	}

	add(slide: Slide): void {
		this.slides.push(slide);
	}
}

function opening(b: DeckBuilder): void {
	const { meeting, say } = b;
	b.add({
		kind: 'title',
		id: 'title',
		title: meeting.title,
		subtitle: say(
			meeting.audience === 'board' ? 'deck_subtitle_board' : 'deck_subtitle_management',
			{
				// The organisation, and the region when the organisation is not simply the region.
				organisation:
					b.s.organisation === b.s.region.name
						? b.s.region.name
						: `${b.s.organisation} · ${b.s.region.name}`
			}
		),
		date: b.date(meeting.heldOn),
		demo: meeting.isDemo || b.s.survey?.round.isDemo ? say('deck_demo_label') : null
	});
	b.add({
		kind: 'bullets',
		id: 'agenda',
		title: say('deck_agenda'),
		bullets: [
			...meeting.agenda,
			...(meeting.purpose ? [say('deck_purpose', { purpose: meeting.purpose })] : [])
		],
		footer: null,
		notes: say('deck_agenda_notes', { date: b.date(b.s.takenAt) })
	});
}

function landscape(b: DeckBuilder): void {
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

function businessModels(b: DeckBuilder): void {
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
function findingNotes(b: DeckBuilder, vm: BarChartViewModel): string {
	const { say } = b;
	const parts = [say('deck_findings_method', { n: vm.n, N: vm.N })];
	if (vm.id === 'uniqueCompanies' || vm.id === 'members') parts.push(say('deck_findings_overlap'));
	if (vm.id === 'municipalAgreements') parts.push(say('deck_findings_municipal'));
	return parts.join('\n');
}

function survey(b: DeckBuilder): void {
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

function fitAndModels(b: DeckBuilder): void {
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

function agreements(b: DeckBuilder): void {
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

function dialogue(b: DeckBuilder): void {
	const { s, say, meeting } = b;
	b.add({
		kind: 'bullets',
		id: 'questions',
		title: say('deck_questions_title'),
		bullets: meeting.questions.length ? meeting.questions : [say('deck_questions_none')],
		footer: null,
		notes: say('deck_questions_notes')
	});
	const proposals = (s.recommendations?.rows ?? [])
		.filter((r) => r.top && !r.decision)
		.slice(0, b.board ? 3 : 5)
		.map((r) => say('deck_decision_line', { model: r.top?.name ?? '', cluster: r.name }));
	b.add({
		kind: 'bullets',
		id: 'decisions',
		title: say('deck_decisions_title'),
		bullets: proposals.length ? proposals : [say('deck_decisions_none')],
		footer: s.recommendations ? b.derivedFooter() : null,
		notes: say('deck_decisions_notes')
	});
}

export function buildSlides(snapshot: DeckSnapshot, meeting: DeckMeeting, say: Say): Slide[] {
	const b = new DeckBuilder(snapshot, meeting, say);
	opening(b);
	landscape(b);
	businessModels(b);
	survey(b);
	fitAndModels(b);
	agreements(b);
	dialogue(b);
	return b.slides;
}
