/**
 * Unique companies in the clusters' member and participant lists for a region: per municipality
 * (zero included), per size band, per cluster, and the overlap between clusters – counted by CVR
 * number, never summed across clusters – and the same counts as other areas read them (fit,
 * KPIs). Only queries below it: every area may read the register without a longer chain.
 */
import { z } from 'zod';
import type { JsonValue } from '$lib/domain/json';
import type { RegisterYear } from '$lib/domain/agreements/auto-sources';
import { isoOf } from '$lib/domain/agreements/dates';
import {
	listsByClusterYear,
	uniqueInMunicipalitiesByYear
} from '../../db/queries/companies/register-figures';
import { RegionCodeSchema } from '$lib/domain/regions';
import {
	importsSummary,
	regionFigures,
	type FigureDimension
} from '../../db/queries/companies/stats';
import { cachedFigure, listsVersion, storeFigure } from '../../db/queries/companies/cache';
import { listMunicipalities, listRegions } from '../../db/queries/reference/geography';
import { parseInput, regionOrThrow } from '../../validation';
import { requireRole } from '../access';
import type { Ctx } from '../context';

export const CompanyStatsQuerySchema = z.object({
	region: RegionCodeSchema,
	year: z.coerce.number().int().min(2000).max(2100).optional()
});

/**
 * A count for a region, computed once per version of the lists and kept in
 * `company_stats_cache`: at national scale the distinct counts scan a million rows, reading the
 * kept result does not.
 */
export async function cachedCount<T extends JsonValue>(
	ctx: Ctx,
	regionCode: string,
	key: string,
	compute: () => Promise<T>
): Promise<T> {
	const version = await listsVersion(ctx.db);
	const fullKey = `${key}@${version}`;
	const kept = await cachedFigure(ctx.db, regionCode, fullKey);
	if (kept !== undefined) return kept as T;
	const value = await compute();
	await storeFigure(ctx.db, regionCode, fullKey, value);
	return value;
}

export async function companyStats(ctx: Ctx, query: z.input<typeof CompanyStatsQuerySchema>) {
	requireRole(ctx, 'viewer');
	const q = parseInput(CompanyStatsQuerySchema, query, ctx.locale);
	const code = regionOrThrow(ctx, q.region);
	return cachedCount(ctx, code, `stats:${q.year ?? 'all'}`, () =>
		computeStats(ctx, code, q.year ?? null)
	);
}

async function computeStats(ctx: Ctx, code: string, year: number | null) {
	const years = year === null ? null : { from: year, to: year };
	const [figures, summary, municipalities, regions] = await Promise.all([
		regionFigures(ctx.db, code, years),
		importsSummary(ctx.db),
		listMunicipalities(ctx.db),
		listRegions(ctx.db)
	]);
	const of = (dimension: FigureDimension) =>
		new Map(figures.filter((f) => f.dimension === dimension).map((f) => [f.key, f.n]));
	const [sizes, counts, clusters, shared, rules] = (
		['size', 'municipality', 'cluster', 'overlap', 'rule'] as const
	).map(of);
	const sorted = (figuresOf: Map<string, number> | undefined, byNumber = false) =>
		[...(figuresOf ?? new Map<string, number>())].sort(([a], [b]) =>
			byNumber ? Number(a) - Number(b) : a.localeCompare(b)
		);
	return {
		format: 'klyngeradar/company-stats@1' as const,
		region: { code, name: regions.find((r) => r.code === code)?.name ?? code },
		year,
		provenance: {
			source: 'import' as const,
			lists: summary.lists,
			registerExtracts: summary.registers,
			latestImport: summary.latest,
			attribution: Object.fromEntries(sorted(rules))
		},
		uniqueCompanies: of('total').get('') ?? 0,
		byMunicipality: Object.fromEntries(
			municipalities
				.filter((mu) => mu.regionCode === code)
				.map((mu) => [mu.code, counts?.get(mu.code) ?? 0])
		),
		bySizeBand: {
			lt50: sizes?.get('lt50') ?? 0,
			ge50: sizes?.get('ge50') ?? 0,
			unknown: sizes?.get('unknown') ?? 0
		},
		byCluster: Object.fromEntries(sorted(clusters)),
		overlap: Object.fromEntries(sorted(shared, true))
	};
}
export type CompanyStats = Awaited<ReturnType<typeof computeStats>>;

/*
 * The company register's unique counts as other features read them: per cluster in a region for
 * the fit scores, and per year of a cluster's lists in an agreement's area for the automatic KPI
 * source. The counts come from `companyStats` where it has them (region-wide), and from one
 * per-cluster count for a set of municipalities where it does not.
 */

/** A cluster's register figure in a region, over all years of its lists. */
export interface ClusterRegisterFigure {
	uniqueCompanies: number;
	lists: number;
	/** When the newest of the cluster's lists was imported. */
	latestImport: string;
}

/**
 * The register's unique companies per cluster in the region, for the clusters the register has
 * lists for; a cluster with lists but none of their companies in the region counts zero.
 */
export async function clusterRegisterFigures(
	ctx: Ctx,
	regionCode: string
): Promise<Map<string, ClusterRegisterFigure>> {
	const lists = await listsByClusterYear(ctx.db, null);
	const figures = new Map<string, ClusterRegisterFigure>();
	if (lists.length === 0) return figures;
	const stats = await companyStats(ctx, { region: regionCode });
	for (const row of lists) {
		const seen = figures.get(row.slug);
		figures.set(row.slug, {
			uniqueCompanies: stats.byCluster[row.slug] ?? 0,
			lists: (seen?.lists ?? 0) + row.lists.length,
			latestImport: seen && seen.latestImport > row.latest ? seen.latestImport : row.latest
		});
	}
	return figures;
}

/**
 * The cluster's unique companies per year of its lists, in the agreement's municipalities, or in
 * the region when the agreement names none. A year with lists but no companies there counts zero.
 */
export async function registerYears(
	ctx: Ctx,
	agreement: { clusterId: number; regionCode: string; municipalities: string[] }
): Promise<RegisterYear[]> {
	const lists = await listsByClusterYear(ctx.db, [agreement.clusterId]);
	if (lists.length === 0) return [];
	const counts = new Map<number, number>();
	if (agreement.municipalities.length === 0) {
		for (const row of lists) {
			const stats = await companyStats(ctx, { region: agreement.regionCode, year: row.year });
			counts.set(row.year, stats.byCluster[row.slug] ?? 0);
		}
	} else {
		const codes = [...agreement.municipalities].sort();
		// Kept per version of the lists like the region's counts: the board reads it on every view.
		const rows = await cachedCount(
			ctx,
			agreement.regionCode,
			`cluster-municipalities:${agreement.clusterId}:${codes.join(',')}`,
			() => uniqueInMunicipalitiesByYear(ctx.db, agreement.clusterId, codes)
		);
		for (const row of rows) counts.set(row.year, row.n);
	}
	return lists.map((row) => ({
		year: row.year,
		uniqueCompanies: counts.get(row.year) ?? 0,
		importedOn: isoOf(new Date(row.latest)),
		lists: row.lists
	}));
}
