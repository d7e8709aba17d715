/**
 * The ECharts option for a deck chart, for the printable deck: the same categories and series
 * as the native PowerPoint chart.
 */
import type { DeckChart } from '../meetings/slides';
import { wrappedAxisLabel } from './label-lines';

const COLORS = ['#0b3d6e', '#3c7dbf', '#8cb4dc', '#c98a2b', '#5e8c31', '#9b4a6b'];

export function deckChartOption(
	chart: DeckChart,
	format: (value: number) => string
): Record<string, unknown> {
	const horizontal = chart.type === 'bar';
	const categoryAxis = {
		type: 'category',
		data: chart.categories,
		inverse: horizontal,
		axisLabel: { ...wrappedAxisLabel(horizontal ? 240 : 120, 12), color: '#1b1b1f', fontSize: 12 },
		axisTick: { show: false }
	};
	const valueAxis = {
		type: 'value',
		minInterval: 1,
		name: chart.valueTitle,
		nameLocation: 'middle',
		nameGap: horizontal ? 24 : 48,
		axisLabel: { formatter: (v: number) => format(v), color: '#4a4f57', fontSize: 11 },
		splitLine: { lineStyle: { color: '#e3e6ea' } }
	};
	return {
		color: COLORS,
		grid: {
			left: 8,
			right: 48,
			top: 16,
			bottom: chart.series.length > 1 ? 56 : 32,
			containLabel: true
		},
		legend: chart.series.length > 1 ? { bottom: 0 } : undefined,
		xAxis: horizontal ? valueAxis : categoryAxis,
		yAxis: horizontal ? categoryAxis : valueAxis,
		series: chart.series.map((s) => ({
			type: 'bar',
			name: s.name,
			barMaxWidth: 28,
			label: {
				show: true,
				position: horizontal ? 'right' : 'top',
				fontSize: 11,
				formatter: (p: { value: number }) => format(p.value)
			},
			data: s.values
		}))
	};
}
