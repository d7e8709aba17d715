/**
 * The landscape map: a choropleth of cluster offices per municipality, all of Denmark or one
 * region, with HQs marked and region borders drawn; filterable by cluster.
 */
import { z } from 'zod';
import { RegionCodeSchema } from '$lib/domain/regions';
import { choroplethOption, type MapMarker } from '$lib/domain/charts/choropleth';
import type { Cluster } from '$lib/domain/landscape/types';
import { formatNumber } from '$lib/format';
import {
	municipalityCentroids,
	municipalityCodes,
	municipalityMap,
	regionOutlines
} from '../../charts/geography';
import { renderSvg } from '../../charts/render';
import { listMunicipalities } from '../../db/queries/reference/geography';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import type { Ctx } from '../context';
import { loadClusters } from './load';
import { getRegions, type RegionView } from './reference';

const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const LandscapeMapQuerySchema = z.object({
	cluster: optional(z.string().regex(/^[a-z0-9-]+$/)),
	region: optional(RegionCodeSchema)
});

export interface MapArea {
	code: string;
	name: string;
	offices: number;
	clusters: string[];
	hq: string[];
}

export interface LandscapeMapView {
	filter: { cluster: string | null; region: string | null };
	clusterOptions: { slug: string; shortName: string; name: string }[];
	regions: RegionView[];
	areas: MapArea[];
	totals: { offices: number; unplaced: number; municipalities: number; clusters: number };
	svg: string;
}

interface OfficeMap {
	areas: MapArea[];
	unplaced: number;
	svg: string;
}

/** Counts the offices of the given clusters per municipality in view and renders the choropleth. */
export async function renderOfficeMap(
	ctx: Ctx,
	clusters: Cluster[],
	region: string | null,
	names: Map<string, string>,
	size = { width: region ? 640 : 720, height: region ? 560 : 620 }
): Promise<OfficeMap> {
	const inView = new Set(municipalityCodes(region));
	const byCode = new Map<string, MapArea>();
	let unplaced = 0;
	for (const cluster of clusters) {
		for (const office of cluster.offices) {
			if (!office.municipalityCode) {
				unplaced++;
				continue;
			}
			if (!inView.has(office.municipalityCode)) continue;
			const area = byCode.get(office.municipalityCode) ?? {
				code: office.municipalityCode,
				name: names.get(office.municipalityCode) ?? office.municipalityCode,
				offices: 0,
				clusters: [],
				hq: []
			};
			area.offices++;
			if (!area.clusters.includes(cluster.shortName)) area.clusters.push(cluster.shortName);
			if (office.isHq) area.hq.push(cluster.shortName);
			byCode.set(office.municipalityCode, area);
		}
	}
	const areas = [...byCode.values()].sort(
		(a, b) => b.offices - a.offices || a.name.localeCompare(b.name, 'da')
	);
	const centroids = municipalityCentroids();
	const markers: MapMarker[] = areas
		.filter((area) => area.hq.length > 0)
		.map((area) => ({
			label: `${area.hq.join(', ')} (HQ)`,
			coord: centroids.get(area.code) ?? [0, 0],
			kind: 'hq'
		}));
	const max = Math.max(0, ...areas.map((a) => a.offices));
	const svg = await renderSvg(
		choroplethOption({
			map: await municipalityMap(region),
			areas: [...inView].map((code) => ({
				code,
				name: names.get(code) ?? code,
				value: byCode.get(code)?.offices ?? 0
			})),
			markers,
			outlines: regionOutlines(region),
			legendLow: '0',
			legendHigh: m.map_legend_offices(
				{ count: formatNumber(max, ctx.locale) },
				{ locale: ctx.locale }
			),
			max
		}),
		size
	);
	return { areas, unplaced, svg };
}

export async function getLandscapeMap(
	ctx: Ctx,
	query: z.input<typeof LandscapeMapQuerySchema>
): Promise<LandscapeMapView> {
	const q = parseInput(LandscapeMapQuerySchema, query, ctx.locale);
	const region = q.region ?? null;
	const [clusters, municipalities, regions] = await Promise.all([
		loadClusters(ctx.db),
		listMunicipalities(ctx.db),
		getRegions(ctx)
	]);
	// Closed clusters appear only when asked for by name.
	const shown = clusters.filter((c) => (q.cluster ? c.slug === q.cluster : c.status === 'active'));
	const names = new Map(municipalities.map((mu) => [mu.code, mu.name]));
	const { areas, unplaced, svg } = await renderOfficeMap(ctx, shown, region, names);
	return {
		filter: { cluster: q.cluster ?? null, region },
		clusterOptions: clusters.map((c) => ({ slug: c.slug, shortName: c.shortName, name: c.name })),
		regions,
		areas,
		totals: {
			offices: areas.reduce((sum, a) => sum + a.offices, 0),
			unplaced,
			municipalities: areas.length,
			clusters: shown.length
		},
		svg
	};
}
