/**
 * A choropleth of municipalities with optional region borders and markers, as an ECharts option.
 * Used for offices on the landscape map, agreements and presence in the survey findings, and the
 * company register. The option is plain data; `server/charts/render.ts` turns it into SVG.
 */
import type { Ring } from './geo';

export interface ChoroplethArea {
	code: string;
	name: string;
	value: number;
}

export interface MapMarker {
	label: string;
	coord: [number, number];
	kind: 'hq' | 'office';
}

export interface ChoroplethViewModel {
	/** Registered map name (all of Denmark or one region). */
	map: string;
	areas: ChoroplethArea[];
	markers: MapMarker[];
	outlines: Ring[];
	/** Legend ends, e.g. "0" and "7 kontorer". */
	legendLow: string;
	legendHigh: string;
	max: number;
}

const palette = ['#eef2f6', '#c6d6e8', '#8fb0d4', '#4f7fb4', '#0b3d6e'];

export function choroplethOption(vm: ChoroplethViewModel): Record<string, unknown> {
	return {
		geo: {
			map: vm.map,
			nameProperty: 'code',
			roam: false,
			left: 8,
			right: 8,
			top: 8,
			bottom: 48,
			itemStyle: { areaColor: palette[0], borderColor: '#8a94a0', borderWidth: 0.5 },
			emphasis: { disabled: true },
			select: { disabled: true }
		},
		visualMap: {
			type: 'continuous',
			min: 0,
			max: Math.max(1, vm.max),
			orient: 'horizontal',
			left: 'center',
			bottom: 8,
			itemWidth: 12,
			itemHeight: 140,
			text: [vm.legendHigh, vm.legendLow],
			textStyle: { color: '#1b1b1f', fontSize: 12 },
			calculable: false,
			inRange: { color: palette },
			seriesIndex: 0
		},
		series: [
			{
				type: 'map',
				geoIndex: 0,
				data: vm.areas.map((area) => ({ name: area.code, value: area.value }))
			},
			{
				type: 'lines',
				coordinateSystem: 'geo',
				polyline: true,
				silent: true,
				lineStyle: { color: '#1b1b1f', width: 1.4, opacity: 0.9 },
				data: vm.outlines.map((ring) => ({ coords: ring }))
			},
			{
				type: 'scatter',
				coordinateSystem: 'geo',
				silent: true,
				data: vm.markers.map((marker) => ({
					name: marker.label,
					value: marker.coord,
					symbol: marker.kind === 'hq' ? 'diamond' : 'circle',
					symbolSize: marker.kind === 'hq' ? 13 : 8,
					itemStyle: {
						color: marker.kind === 'hq' ? '#c2410c' : '#13716a',
						borderColor: '#ffffff',
						borderWidth: 1
					}
				}))
			}
		]
	};
}
