/**
 * The JSON shape of the landscape for the API and `klyngeradar clusters … --json`. Every figure
 * carries its provenance: source kind, URL or label, year, estimate and qualifier.
 */
import type { MetricRange, LandscapeRanges } from './ranges';
import type { ClusterSummary, LandscapeFilter, ProgrammeCount } from './snapshot';
import type { Figure, Metric } from './types';

export interface FigureJson {
	id: number;
	metric: Metric;
	value: number;
	unit: Figure['unit'];
	year: number | null;
	qualifier: Figure['qualifier'];
	estimate: boolean;
	source: { kind: Figure['sourceKind']; url: string | null; label: string | null };
	note: string | null;
	updatedAt: string;
}

export function figureJson(figure: Figure): FigureJson {
	return {
		id: figure.id,
		metric: figure.metric,
		value: figure.value,
		unit: figure.unit,
		year: figure.year,
		qualifier: figure.qualifier,
		estimate: figure.isEstimate,
		source: { kind: figure.sourceKind, url: figure.sourceUrl, label: figure.sourceLabel },
		note: figure.note,
		updatedAt: figure.updatedAt
	};
}

export function clusterJson(summary: ClusterSummary, options: { history?: boolean } = {}) {
	const c = summary.cluster;
	return {
		slug: c.slug,
		name: c.name,
		shortName: c.shortName,
		area: c.area,
		emerging: c.emerging,
		emergingUncertain: c.emergingUncertain,
		status: c.status,
		statusAsOf: summary.statusAsOf,
		closedYear: c.closedYear,
		statusNote: c.statusNote,
		website: c.website,
		organisationForm: c.organisationForm,
		focus: c.focus,
		version: c.version,
		programmes: c.programmes,
		offices: c.offices.map((o) => ({
			label: o.label,
			municipalityCode: o.municipalityCode,
			municipalityName: o.municipalityName,
			regionCode: o.regionCode,
			isHq: o.isHq,
			fromYear: o.fromYear
		})),
		activities: c.activities,
		stage: {
			effective: summary.stage,
			derived: summary.maturity.stage,
			confidence: summary.maturity.confidence,
			rule: summary.maturity.rule,
			missing: summary.maturity.missing,
			override: c.stageOverride
		},
		figures: Object.fromEntries(
			Object.entries(summary.figures).map(([metric, figure]) => [metric, figureJson(figure)])
		),
		...(options.history
			? { figureHistory: c.figures.map(figureJson), sources: c.sources, notes: c.notes }
			: {})
	};
}
export type ClusterJson = ReturnType<typeof clusterJson>;

function rangeJson(range: MetricRange) {
	return {
		metric: range.metric,
		min: range.min ? { slug: range.min.slug, ...figureJson(range.min.figure) } : null,
		max: range.max ? { slug: range.max.slug, ...figureJson(range.max.figure) } : null,
		clustersWithFigure: range.n,
		clusters: range.of,
		estimates: range.estimates
	};
}

export function landscapeJson(view: {
	filter: LandscapeFilter;
	year: number;
	total: number;
	clusters: ClusterSummary[];
	programmeCounts: ProgrammeCount[];
	ranges: LandscapeRanges;
}) {
	return {
		asOf: view.filter.asOf,
		filter: view.filter,
		year: view.year,
		count: view.clusters.length,
		total: view.total,
		programmes: view.programmeCounts,
		ranges: {
			employees: rangeJson(view.ranges.employees),
			members: rangeJson(view.ranges.members),
			boardSize: rangeJson(view.ranges.boardSize),
			fundingRatio: view.ranges.fundingRatio,
			chairFromBusiness: view.ranges.chair
		},
		clusters: view.clusters.map((summary) => clusterJson(summary))
	};
}
