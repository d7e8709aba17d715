/**
 * The landscape as of a year, or now: which clusters were in a programme and not closed, the
 * figures valid then (the latest year not after it), the derived maturity stage, and filters.
 */
import { deriveMaturity, type MaturityResult } from './maturity';
import type { Cluster, Figure, Metric, Programme, Stage } from './types';

export interface LandscapeFilter {
	asOf: number | null;
	area: string | null;
	emerging: 'yes' | 'no' | 'unknown' | null;
	status: 'active' | 'closed' | null;
	stage: Stage | null;
	programme: string | null;
	/** Only clusters with an office (or HQ) in this region. */
	region: string | null;
}

export const emptyFilter: LandscapeFilter = {
	asOf: null,
	area: null,
	emerging: null,
	status: null,
	stage: null,
	programme: null,
	region: null
};

export interface ClusterSummary {
	cluster: Cluster;
	/** The figure per metric valid as of the snapshot year (or the latest). */
	figures: Partial<Record<Metric, Figure>>;
	maturity: MaturityResult;
	/** The override if there is one, else the derived stage. */
	stage: Stage | null;
	/** Status as of the snapshot year (closed if it had closed by then). */
	statusAsOf: 'active' | 'closed';
	regions: string[];
}

export interface ProgrammeCount {
	code: string;
	name: string;
	fromYear: number;
	toYear: number;
	/** Clusters in the programme that year (from the programme's own count). */
	count: number;
	identified: number;
	uncertain: number;
	/** Designated clusters the reference data could not name. */
	unidentified: number;
}

/**
 * The figure for a metric valid in a year: the newest dated figure not after it; an undated
 * figure only when no dated one exists. Without a year, the newest of all.
 */
export function figureAsOf(
	figures: Figure[],
	metric: Metric,
	asOf: number | null
): Figure | undefined {
	const candidates = figures.filter((f) => f.metric === metric);
	const dated = candidates
		.filter((f) => f.year !== null && (asOf === null || f.year <= asOf))
		.sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
	return dated[0] ?? candidates.find((f) => f.year === null);
}

export function figuresAsOf(
	figures: Figure[],
	asOf: number | null
): Partial<Record<Metric, Figure>> {
	const out: Partial<Record<Metric, Figure>> = {};
	for (const metric of new Set(figures.map((f) => f.metric))) {
		const figure = figureAsOf(figures, metric, asOf);
		if (figure) out[metric] = figure;
	}
	return out;
}

export function maturityOf(
	cluster: Cluster,
	figures: Partial<Record<Metric, Figure>>
): MaturityResult {
	const amount = (metric: Metric) => {
		const f = figures[metric];
		return f && f.unit !== 'share' ? f.value : null;
	};
	return deriveMaturity({
		emerging: cluster.emerging,
		employees: amount('employees'),
		projectPortfolioDkk: amount('project_portfolio'),
		equityDkk: amount('equity')
	});
}

/** The programme periods a year falls in. */
function programmesCovering(programmes: Programme[], year: number): Programme[] {
	return programmes.filter((p) => p.fromYear <= year && year <= p.toYear);
}

/** Whether a cluster belonged to a programme covering the year and had not closed by then. */
export function activeIn(cluster: Cluster, year: number, programmes: Programme[]): boolean {
	if (cluster.status === 'closed' && cluster.closedYear !== null && cluster.closedYear <= year)
		return false;
	const codes = new Set(programmesCovering(programmes, year).map((p) => p.code));
	return cluster.programmes.some((m) => codes.has(m.programmeCode));
}

function statusAsOf(cluster: Cluster, asOf: number | null): 'active' | 'closed' {
	if (cluster.status !== 'closed') return 'active';
	if (asOf === null || cluster.closedYear === null) return 'closed';
	return cluster.closedYear <= asOf ? 'closed' : 'active';
}

/** How many clusters each programme had in a year, and how many of them the data names. */
export function programmeCounts(
	clusters: Cluster[],
	programmes: Programme[],
	year: number
): ProgrammeCount[] {
	return programmesCovering(programmes, year).map((programme) => {
		const members = clusters.filter(
			(c) =>
				activeIn(c, year, [programme]) &&
				c.programmes.some((m) => m.programmeCode === programme.code)
		);
		const uncertain = members.filter((c) =>
			c.programmes.some((m) => m.programmeCode === programme.code && m.status === 'uncertain')
		).length;
		const count = programme.countsByYear?.[String(year)] ?? programme.designatedCount;
		const identified = members.length - uncertain;
		return {
			code: programme.code,
			name: programme.name,
			fromYear: programme.fromYear,
			toYear: programme.toYear,
			count,
			identified,
			uncertain,
			unidentified: Math.max(0, count - identified - uncertain)
		};
	});
}

function emergingKey(cluster: Cluster): 'yes' | 'no' | 'unknown' {
	if (cluster.emerging === null || cluster.emergingUncertain)
		return cluster.emerging === true ? 'yes' : 'unknown';
	return cluster.emerging ? 'yes' : 'no';
}

export function summarise(cluster: Cluster, asOf: number | null): ClusterSummary {
	const figures = figuresAsOf(cluster.figures, asOf);
	const maturity = maturityOf(cluster, figures);
	return {
		cluster,
		figures,
		maturity,
		stage: cluster.stageOverride?.stage ?? maturity.stage,
		statusAsOf: statusAsOf(cluster, asOf),
		regions: [
			...new Set(cluster.offices.map((o) => o.regionCode).filter((r): r is string => r !== null))
		].sort()
	};
}

/** The clusters of the landscape as of the filter's year, filtered, in name order. */
export function landscapeSnapshot(
	clusters: Cluster[],
	programmes: Programme[],
	filter: LandscapeFilter
): ClusterSummary[] {
	return clusters
		.filter(
			(c) =>
				filter.asOf === null ||
				activeIn(c, filter.asOf, programmes) ||
				(statusAsOf(c, filter.asOf) === 'closed' && c.closedYear === filter.asOf)
		)
		.map((c) => summarise(c, filter.asOf))
		.filter((s) => filter.area === null || s.cluster.area === filter.area)
		.filter((s) => filter.emerging === null || emergingKey(s.cluster) === filter.emerging)
		.filter((s) => filter.status === null || s.statusAsOf === filter.status)
		.filter((s) => filter.stage === null || s.stage === filter.stage)
		.filter(
			(s) =>
				filter.programme === null ||
				s.cluster.programmes.some((m) => m.programmeCode === filter.programme)
		)
		.filter((s) => filter.region === null || s.regions.includes(filter.region))
		.sort((a, b) => a.cluster.name.localeCompare(b.cluster.name, 'da'));
}
