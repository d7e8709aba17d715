/**
 * The company register's unique counts as other features read them: per cluster in a region for
 * the fit scores, and per year of a cluster's lists in an agreement's area for the automatic KPI
 * source. The counts come from `companyStats` where it has them (region-wide), and from one
 * per-cluster count for a set of municipalities where it does not.
 */
import type { RegisterYear } from '$lib/domain/agreements/auto-sources';
import { isoOf } from '$lib/domain/agreements/dates';
import {
	listsByClusterYear,
	uniqueInMunicipalitiesByYear
} from '../../db/queries/companies/register-figures';
import type { Ctx } from '../context';
import { cachedCount, companyStats } from './stats';

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
