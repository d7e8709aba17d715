/**
 * The company register page: the unique-company counts of a region with their map, and for
 * analysts the recent imports and the review list.
 */
import { choroplethOption } from '$lib/domain/charts/choropleth';
import { formatNumber } from '$lib/format';
import { municipalityMap, regionOutlines } from '../../charts/geography';
import { renderSvg } from '../../charts/render';
import { listMunicipalities } from '../../db/queries/reference/geography';
import { m } from '../../i18n';
import { hasRole } from '../access';
import { companyWorkbench } from './review';
import { companyStats } from './stats';
import type { Ctx } from '../context';
import { loadClusters } from '../landscape';

export async function getCompanyPage(ctx: Ctx, region: string, year: number | null) {
	const stats = await companyStats(ctx, { region, year: year ?? undefined });
	const [municipalities, clusters, workbench] = await Promise.all([
		listMunicipalities(ctx.db),
		loadClusters(ctx.db),
		hasRole(ctx, 'analyst') ? companyWorkbench(ctx) : Promise.resolve(null)
	]);
	const names = new Map(municipalities.map((mu) => [mu.code, mu.name]));
	const max = Math.max(0, ...Object.values(stats.byMunicipality));
	const mapSvg = await renderSvg(
		choroplethOption({
			map: await municipalityMap(stats.region.code),
			areas: Object.entries(stats.byMunicipality).map(([code, value]) => ({
				code,
				name: names.get(code) ?? code,
				value
			})),
			markers: [],
			outlines: regionOutlines(stats.region.code),
			legendLow: '0',
			legendHigh: m.companies_legend(
				{ count: formatNumber(max, ctx.locale) },
				{ locale: ctx.locale }
			),
			max
		}),
		{ width: 520, height: 460 }
	);
	const clusterNames = new Map(clusters.map((c) => [c.slug, c.shortName || c.name]));
	return {
		stats,
		mapSvg,
		municipalities: Object.entries(stats.byMunicipality)
			.map(([code, count]) => ({ code, name: names.get(code) ?? code, count }))
			.sort((a, b) => a.name.localeCompare(b.name, 'da')),
		clusters: Object.entries(stats.byCluster).map(([slug, count]) => ({
			slug,
			name: clusterNames.get(slug) ?? slug,
			count
		})),
		clusterOptions: clusters
			.filter((c) => c.status === 'active')
			.map((c) => ({ slug: c.slug, name: c.shortName || c.name })),
		workbench
	};
}
