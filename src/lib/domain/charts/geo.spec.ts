import { describe, expect, it } from 'vitest';
import { centroid, outlines, type GeoFeature } from './geo';

const square = (x: number, y: number, size: number): [number, number][] => [
	[x, y],
	[x + size, y],
	[x + size, y + size],
	[x, y + size],
	[x, y]
];

describe('geo helpers', () => {
	it('puts the centroid of a multipolygon in its largest part', () => {
		const feature: GeoFeature = {
			type: 'Feature',
			properties: {},
			geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(10, 10, 4)]] }
		};
		expect(centroid(feature)).toEqual([12, 12]);
		expect(outlines([feature])).toHaveLength(2);
	});
});
