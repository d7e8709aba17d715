import { describe, expect, it } from 'vitest';
import { choroplethOption } from './choropleth';

describe('choroplethOption', () => {
	it('colours every area, draws outlines and markers, and keeps the legend readable', () => {
		const option = choroplethOption({
			map: 'dk-municipalities',
			areas: [
				{ code: '851', name: 'Aalborg', value: 3 },
				{ code: '813', name: 'Frederikshavn', value: 0 }
			],
			markers: [{ label: 'ECD (HQ)', coord: [9.9, 57], kind: 'hq' }],
			outlines: [
				[
					[9, 56],
					[10, 57]
				]
			],
			legendLow: '0',
			legendHigh: '3 kontorer',
			max: 3
		}) as {
			series: { type: string; data: unknown[] }[];
			visualMap: { max: number; text: string[] };
		};
		expect(option.series.map((s) => s.type)).toEqual(['map', 'lines', 'scatter']);
		expect(option.series[0]?.data).toEqual([
			{ name: '851', value: 3 },
			{ name: '813', value: 0 }
		]);
		expect(option.visualMap).toMatchObject({ max: 3, text: ['3 kontorer', '0'] });
	});
});
