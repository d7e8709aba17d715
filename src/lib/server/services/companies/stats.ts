/**
 * Unique companies in the clusters' member and participant lists for a region: per municipality
 * (zero included), per size band, per cluster, and the overlap between clusters – counted by CVR
 * number, never summed across clusters.
 */
import { z } from 'zod';
import {
	importsSummary,
	regionFigures,
	type FigureDimension
} from '../../db/queries/companies/stats';
import { cachedFigure, listsVersion, storeFigure } from '../../db/queries/companies/cache';
import { listMunicipalities } from '../../db/queries/reference/geography';
import { parseInput } from '../../validation';
import { requireRole } from '../access';
import type { Ctx } from '../context';
import { getRegions } from '../landscape';
import { regionOrThrow } from '../strategy';

export const CompanyStatsQuerySchema = z.object({
	region: z.string().regex(/^108[1-5]$/),
	year: z.coerce.number().int().min(2000).max(2100).optional()
});

/**
 * A count for a region, computed once per version of the lists and kept in
 * `company_stats_cache`: at national scale the distinct counts scan a million rows, reading the
 * kept result does not.
 */
export async function cachedCount<T>(
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
		getRegions(ctx)
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
