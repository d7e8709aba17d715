/**
 * The map data: Denmark's 98 municipalities and 5 regions (DAGI 2014, see data/reference/geo),
 * read once, with a map registered per region for the zoomed views.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	centroid,
	outlines,
	type GeoCollection,
	type Position,
	type Ring
} from '$lib/domain/charts/geo';
import { referenceDataFolder } from '../paths';
import { registerMapOnce } from './render';

let cache: { municipalities: GeoCollection; regions: GeoCollection } | undefined;

function load() {
	cache ??= {
		municipalities: JSON.parse(
			readFileSync(join(referenceDataFolder, 'geo', 'municipalities.geojson'), 'utf8')
		) as GeoCollection,
		regions: JSON.parse(
			readFileSync(join(referenceDataFolder, 'geo', 'regions.geojson'), 'utf8')
		) as GeoCollection
	};
	return cache;
}

/** The registered map name for all of Denmark, or for one region's municipalities. */
export async function municipalityMap(regionCode: string | null): Promise<string> {
	const name = regionCode ? `dk-municipalities-${regionCode}` : 'dk-municipalities';
	await registerMapOnce(name, () => {
		const { municipalities } = load();
		return regionCode
			? {
					...municipalities,
					features: municipalities.features.filter((f) => f.properties.regionCode === regionCode)
				}
			: municipalities;
	});
	return name;
}

export function municipalityCentroids(): Map<string, Position> {
	return new Map(
		load().municipalities.features.map((f) => [String(f.properties.code), centroid(f)])
	);
}

/** Outer rings of the regions (all, or one), to draw region borders over the municipalities. */
export function regionOutlines(regionCode: string | null): Ring[] {
	const { regions } = load();
	return outlines(
		regionCode ? regions.features.filter((f) => f.properties.code === regionCode) : regions.features
	);
}

export function municipalityCodes(regionCode: string | null): string[] {
	return load()
		.municipalities.features.filter(
			(f) => regionCode === null || f.properties.regionCode === regionCode
		)
		.map((f) => String(f.properties.code));
}
