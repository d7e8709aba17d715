/** The findings page as the page draws it: charts with their SVG, maps, headlines, tables. */
import type { BarChartViewModel } from '../charts/bar';
import type { Answers } from '../survey/answers';
import type { QuoteListRow, RoundListRow } from '../survey/view';
import type { Findings } from './findings';

export interface OtherText {
	clusterSlug: string;
	clusterName: string;
	question: 'presence' | 'partners' | 'activities' | 'agreements';
	text: string;
}

export interface ChartBlock {
	vm: BarChartViewModel;
	svg: string;
	quotes: QuoteListRow[];
}

export interface ClusterRow {
	slug: string;
	name: string;
	status: string;
	answers: Answers | null;
	present: boolean;
}

export interface ComparisonRow {
	label: string;
	current: number;
	previous: number;
}

export interface FindingsPageView {
	rounds: RoundListRow[];
	findings: Findings | null;
	headlines: { question: string; text: string }[];
	charts: ChartBlock[];
	maps: { id: string; title: string; svg: string; caption: string }[];
	clusters: ClusterRow[] | null;
	others: OtherText[] | null;
	previous: { title: string; rows: ComparisonRow[] } | null;
	/** Unique companies counted by CVR in the clusters' own lists for the round's years, if any. */
	register: { unique: number; from: number; to: number } | null;
	labels: {
		actors: Record<string, string>;
		municipalities: Record<string, string>;
		activities: Record<string, string>;
	};
}
