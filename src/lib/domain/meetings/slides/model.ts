/** The slide model's types and the builder every section of the deck adds its slides to. */
import { formatDate, formatNumber, type Locale } from '../../../format';
import type { DeckSnapshot } from '../snapshot';

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

export class DeckBuilder {
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
