/**
 * The cluster landscape: loads clusters with their programmes, offices, figures, activities and
 * stage overrides, and hands them to the domain for snapshots, ranges and maturity.
 */
import { z } from 'zod';
import { RegionCodeSchema } from '$lib/domain/regions';
import { NotFoundError } from '$lib/domain/errors';
import { landscapeRanges, type LandscapeRanges } from '$lib/domain/landscape/ranges';
import {
	emptyFilter,
	landscapeSnapshot,
	programmeCounts,
	summarise,
	type ClusterSummary,
	type LandscapeFilter,
	type ProgrammeCount
} from '$lib/domain/landscape/snapshot';
import {
	clusterStatuses,
	maturityStages,
	metrics,
	type Figure,
	type Metric
} from '$lib/domain/landscape/types';
import type { Taxonomy } from '$lib/domain/taxonomy';
import { loadClusters, loadProgrammes } from './load';
import { listAudit, type AuditRow } from '../../db/queries/audit/audit-log';
import { listMunicipalities } from '../../db/queries/reference/geography';
import { renderOfficeMap } from './map';
import { listQuotesOfCluster, type QuoteListRow } from '../../db/queries/survey/interviews';
import { m } from '../../i18n';
import { parseInput, yearSchema } from '../../validation';
import type { Ctx } from '../context';
import { requireRole } from '../access';
import { listClusterRows } from '../../db/queries/landscape/clusters';
import { getRegions, getTaxonomy, type RegionView } from './reference';

// Query strings from the filter form send empty strings for "all".
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const LandscapeQuerySchema = z.object({
	asOf: optional(z.coerce.number().pipe(yearSchema)),
	area: optional(z.string().max(200)),
	emerging: optional(z.enum(['yes', 'no', 'unknown'])),
	status: optional(z.enum(clusterStatuses)),
	stage: optional(z.enum(maturityStages)),
	programme: optional(z.string().max(100)),
	region: optional(RegionCodeSchema),
	view: optional(z.enum(['cards', 'table']))
});
export type LandscapeQuery = z.input<typeof LandscapeQuerySchema>;

export interface LandscapeView {
	filter: LandscapeFilter;
	view: 'cards' | 'table';
	/** The year the programme counts are for: the snapshot year, or this year. */
	year: number;
	clusters: ClusterSummary[];
	total: number;
	ranges: LandscapeRanges;
	published: Taxonomy['businessModelRanges2023'];
	programmeCounts: ProgrammeCount[];
	options: {
		areas: string[];
		regions: RegionView[];
		programmes: { code: string; name: string; fromYear: number; toYear: number }[];
		years: number[];
	};
}

export async function getLandscape(
	ctx: Ctx,
	query: LandscapeQuery,
	now = new Date()
): Promise<LandscapeView> {
	const q = parseInput(LandscapeQuerySchema, query, ctx.locale);
	const filter: LandscapeFilter = {
		...emptyFilter,
		asOf: q.asOf ?? null,
		area: q.area ?? null,
		emerging: q.emerging ?? null,
		status: q.status ?? null,
		stage: q.stage ?? null,
		programme: q.programme ?? null,
		region: q.region ?? null
	};
	const [clusters, programmes, taxonomy, regions] = await Promise.all([
		loadClusters(ctx.db),
		loadProgrammes(ctx.db),
		getTaxonomy(ctx.db),
		getRegions(ctx)
	]);
	const summaries = landscapeSnapshot(clusters, programmes, filter);
	const year = filter.asOf ?? now.getFullYear();
	// A snapshot year shows the programmes covering it; "now" shows every programme at its latest
	// year so far, because the listed clusters span both periods.
	const counts =
		filter.asOf !== null
			? programmeCounts(clusters, programmes, filter.asOf)
			: programmes.flatMap((p) =>
					p.fromYear <= year ? programmeCounts(clusters, [p], Math.min(year, p.toYear)) : []
				);
	const firstYear = Math.min(...programmes.map((p) => p.fromYear));
	const lastYear = Math.max(...programmes.map((p) => p.toYear));
	return {
		filter,
		view: q.view ?? 'cards',
		year,
		clusters: summaries,
		total: clusters.length,
		ranges: landscapeRanges(summaries),
		published: taxonomy.businessModelRanges2023,
		programmeCounts: counts,
		options: {
			areas: [...new Set(clusters.map((c) => c.area))].sort((a, b) => a.localeCompare(b, 'da')),
			regions,
			programmes: programmes.map(({ code, name, fromYear, toYear }) => ({
				code,
				name,
				fromYear,
				toYear
			})),
			years: Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i)
		}
	};
}

export interface MetricHistory {
	metric: Metric;
	figures: Figure[];
}

export interface ClusterProfile {
	summary: ClusterSummary;
	/** Offices on a map of Denmark (SVG). */
	mapSvg: string;
	municipalities: { code: string; name: string; regionCode: string }[];
	history: MetricHistory[];
	programmes: { code: string; name: string; fromYear: number; toYear: number }[];
	taxonomy: Pick<Taxonomy, 'activityCategories' | 'maturityStages'>;
	audit: AuditRow[];
	/** Interview quotes pinned to this cluster. */
	quotes: QuoteListRow[];
}

export async function getClusterProfile(ctx: Ctx, slug: string): Promise<ClusterProfile> {
	const [clusters, programmes, taxonomy, audit, municipalities] = await Promise.all([
		loadClusters(ctx.db),
		loadProgrammes(ctx.db),
		getTaxonomy(ctx.db),
		listAudit(ctx.db, { entity: 'cluster', entityId: slug, limit: 20, offset: 0 }),
		listMunicipalities(ctx.db)
	]);
	const cluster = clusters.find((c) => c.slug === slug);
	if (!cluster)
		throw new NotFoundError(m.landscape_cluster_not_found({ slug }, { locale: ctx.locale }));
	const names = new Map(municipalities.map((mu) => [mu.code, mu.name]));
	const quotes = await listQuotesOfCluster(ctx.db, cluster.id);
	const { svg } = await renderOfficeMap(ctx, [cluster], null, names, { width: 520, height: 460 });
	return {
		summary: summarise(cluster, null),
		mapSvg: svg,
		municipalities: municipalities.map((mu) => ({
			code: mu.code,
			name: mu.name,
			regionCode: mu.regionCode
		})),
		history: metrics
			.map((metric) => ({
				metric,
				figures: cluster.figures
					.filter((f) => f.metric === metric)
					.sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
			}))
			.filter((h) => h.figures.length > 0),
		programmes: programmes.map(({ code, name, fromYear, toYear }) => ({
			code,
			name,
			fromYear,
			toYear
		})),
		taxonomy: {
			activityCategories: taxonomy.activityCategories,
			maturityStages: taxonomy.maturityStages
		},
		audit,
		quotes
	};
}

/** Every cluster's slug and names, by short name: for tables that name clusters by slug. */
export async function listClusterNames(
	ctx: Ctx
): Promise<{ slug: string; name: string; shortName: string }[]> {
	requireRole(ctx, 'viewer');
	const rows = await listClusterRows(ctx.db);
	return rows
		.map(({ slug, name, shortName }) => ({ slug, name, shortName }))
		.sort((a, b) => a.shortName.localeCompare(b.shortName, 'da'));
}
