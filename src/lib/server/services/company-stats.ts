/**
 * Unique companies in the clusters' member and participant lists for a region: per municipality
 * (zero included), per size band, per cluster, and the overlap between clusters – counted by CVR
 * number, never summed across clusters.
 */
import { z } from 'zod';
import {
	byRule,
	importsSummary,
	overlap,
	regionTotals,
	uniqueByCluster,
	uniqueByMunicipality
} from '../db/queries/companies/stats';
import { cachedFigure, listsVersion, storeFigure } from '../db/queries/companies/cache';
import { listMunicipalities } from '../db/queries/reference/geography';
import { parseInput } from '../validation';
import { requireRole } from './access';
import type { Ctx } from './context';
import { getRegions } from './reference';
import { regionOrThrow } from './strategy';

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
	const [totals, municipal, clusters, shared, rules, summary, municipalities, regions] =
		await Promise.all([
			regionTotals(ctx.db, code, years),
			uniqueByMunicipality(ctx.db, code, years),
			uniqueByCluster(ctx.db, code, years),
			overlap(ctx.db, code, years),
			byRule(ctx.db, code, years),
			importsSummary(ctx.db),
			listMunicipalities(ctx.db),
			getRegions(ctx)
		]);
	const counts = new Map(municipal.map((r) => [r.code, r.n]));
	return {
		format: 'klyngeradar/company-stats@1' as const,
		region: { code, name: regions.find((r) => r.code === code)?.name ?? code },
		year,
		provenance: {
			source: 'import' as const,
			lists: summary.lists,
			registerExtracts: summary.registers,
			latestImport: summary.latest,
			attribution: Object.fromEntries(rules.map((r) => [r.rule, r.n]))
		},
		uniqueCompanies: totals.unique,
		byMunicipality: Object.fromEntries(
			municipalities
				.filter((mu) => mu.regionCode === code)
				.map((mu) => [mu.code, counts.get(mu.code) ?? 0])
		),
		bySizeBand: { lt50: totals.lt50, ge50: totals.ge50, unknown: totals.unknown },
		byCluster: Object.fromEntries(clusters.map((c) => [c.slug, c.n])),
		overlap: Object.fromEntries(shared.map((o) => [String(o.clusters), o.companies]))
	};
}
export type CompanyStats = Awaited<ReturnType<typeof computeStats>>;
