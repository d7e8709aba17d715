/**
 * The business-model ranges across clusters (source document: "Klyngernes forretningsmodeller –
 * nedslag 2023"), computed from the figures in the data: smallest and largest with the clusters
 * and figures behind them, and how many of the clusters had a figure at all.
 */
import { fundingComponents, type Figure, type Metric } from './types';
import type { ClusterSummary } from './snapshot';

export interface RangeEnd {
	slug: string;
	name: string;
	figure: Figure;
}

export interface MetricRange {
	metric: Metric;
	min: RangeEnd | null;
	max: RangeEnd | null;
	/** Clusters with a figure / clusters considered. */
	n: number;
	of: number;
	estimates: number;
	years: (number | null)[];
}

export interface FundingRatio {
	/** Largest total funding divided by the smallest; null with fewer than two totals. */
	ratio: number | null;
	largest: { slug: string; name: string; total: number; year: number | null } | null;
	smallest: { slug: string; name: string; total: number; year: number | null } | null;
	n: number;
	of: number;
}

export interface ChairCount {
	fromBusiness: number;
	known: number;
	of: number;
}

export interface LandscapeRanges {
	employees: MetricRange;
	members: MetricRange;
	boardSize: MetricRange;
	fundingRatio: FundingRatio;
	chair: ChairCount;
}

function metricRange(summaries: ClusterSummary[], metric: Metric): MetricRange {
	const withFigure = summaries
		.map((s) => ({ s, figure: s.figures[metric] }))
		.filter(
			(x): x is { s: ClusterSummary; figure: Figure } =>
				x.figure !== undefined && x.figure.unit !== 'share'
		);
	const sorted = [...withFigure].sort((a, b) => a.figure.value - b.figure.value);
	const end = (x: (typeof sorted)[number] | undefined): RangeEnd | null =>
		x ? { slug: x.s.cluster.slug, name: x.s.cluster.shortName, figure: x.figure } : null;
	return {
		metric,
		min: end(sorted[0]),
		max: end(sorted.at(-1)),
		n: withFigure.length,
		of: summaries.length,
		estimates: withFigure.filter((x) => x.figure.isEstimate || x.figure.qualifier !== 'exact')
			.length,
		years: [...new Set(withFigure.map((x) => x.figure.year))].sort((a, b) => (a ?? 0) - (b ?? 0))
	};
}

/**
 * A cluster's total funding: `funding_total` when recorded, else the sum of the funding components
 * recorded in DKK for the newest year that has any.
 */
export function fundingTotal(figures: Figure[]): { total: number; year: number | null } | null {
	const totals = figures
		.filter((f) => f.metric === 'funding_total')
		.sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
	if (totals[0]) return { total: totals[0].value, year: totals[0].year };
	const parts = figures.filter(
		(f) =>
			(fundingComponents as readonly Metric[]).includes(f.metric) &&
			f.unit === 'dkk' &&
			f.year !== null
	);
	const newest = Math.max(...parts.map((f) => f.year ?? 0));
	const inYear = parts.filter((f) => f.year === newest);
	if (inYear.length === 0) return null;
	return { total: inYear.reduce((sum, f) => sum + f.value, 0), year: newest };
}

export function landscapeRanges(summaries: ClusterSummary[]): LandscapeRanges {
	const active = summaries.filter((s) => s.statusAsOf === 'active');
	const totals = active
		.map((s) => ({ s, total: fundingTotal(s.cluster.figures) }))
		.filter(
			(x): x is { s: ClusterSummary; total: { total: number; year: number | null } } =>
				x.total !== null && x.total.total > 0
		)
		.sort((a, b) => a.total.total - b.total.total);
	const pick = (x: (typeof totals)[number] | undefined) =>
		x
			? {
					slug: x.s.cluster.slug,
					name: x.s.cluster.shortName,
					total: x.total.total,
					year: x.total.year
				}
			: null;
	const smallest = pick(totals[0]);
	const largest = pick(totals.at(-1));
	const chairFigures = active
		.map((s) => s.figures.chair_from_business)
		.filter((f): f is Figure => f !== undefined);
	return {
		employees: metricRange(active, 'employees'),
		members: metricRange(active, 'members'),
		boardSize: metricRange(active, 'board_size'),
		fundingRatio: {
			ratio: totals.length >= 2 && smallest && largest ? largest.total / smallest.total : null,
			largest,
			smallest,
			n: totals.length,
			of: active.length
		},
		chair: {
			fromBusiness: chairFigures.filter((f) => f.value === 1).length,
			known: chairFigures.length,
			of: active.length
		}
	};
}
