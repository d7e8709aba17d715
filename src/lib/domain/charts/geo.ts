/**
 * Small geometry helpers over GeoJSON (WGS84 lon/lat), for placing markers and outlines on the
 * maps. Planar approximations are fine at the scale of Danish municipalities.
 */
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];

export interface GeoFeature {
	type: 'Feature';
	properties: Record<string, unknown>;
	geometry:
		| { type: 'Polygon'; coordinates: PolygonCoords }
		| { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
}

export interface GeoCollection {
	type: 'FeatureCollection';
	features: GeoFeature[];
}

function polygonsOf(feature: GeoFeature): PolygonCoords[] {
	return feature.geometry.type === 'Polygon'
		? [feature.geometry.coordinates]
		: feature.geometry.coordinates;
}

function ringArea(ring: Ring): number {
	let area = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [x1, y1] = ring[j] ?? [0, 0];
		const [x2, y2] = ring[i] ?? [0, 0];
		area += x1 * y2 - x2 * y1;
	}
	return area / 2;
}

/** The area centroid of the feature's largest polygon (its mainland, not an islet). */
export function centroid(feature: GeoFeature): Position {
	const outer = polygonsOf(feature)
		.map((polygon) => polygon[0] ?? [])
		.sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
	if (!outer || outer.length === 0) return [0, 0];
	const area = ringArea(outer);
	if (area === 0) return outer[0] ?? [0, 0];
	let cx = 0;
	let cy = 0;
	for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
		const [x1, y1] = outer[j] ?? [0, 0];
		const [x2, y2] = outer[i] ?? [0, 0];
		const cross = x1 * y2 - x2 * y1;
		cx += (x1 + x2) * cross;
		cy += (y1 + y2) * cross;
	}
	return [cx / (6 * area), cy / (6 * area)];
}

/** Every outer ring of the features, as polylines for drawing outlines. */
export function outlines(features: GeoFeature[]): Ring[] {
	return features.flatMap((feature) => polygonsOf(feature).map((polygon) => polygon[0] ?? []));
}
