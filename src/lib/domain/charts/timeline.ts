/**
 * A horizontal timeline of periods (e.g. the cluster effort 2003–2028) as an ECharts bar chart:
 * an invisible bar up to the start year, stacked with a visible bar for the duration.
 */
import { wrappedAxisLabel } from './label-lines';
export interface TimelinePeriod {
	label: string;
	from: number;
	to: number;
	/** Highlight the current programme. */
	current?: boolean;
}

export function timelineOption(
	periods: TimelinePeriod[],
	range: { from: number; to: number }
): Record<string, unknown> {
	const labels = periods.map((p) => p.label);
	return {
		grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
		xAxis: {
			type: 'value',
			min: range.from,
			max: range.to + 1,
			interval: 5,
			position: 'top',
			axisLabel: { formatter: (value: number) => String(value), color: '#1b1b1f' },
			splitLine: { lineStyle: { color: '#e3e6ea' } }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: labels,
			axisLabel: { ...wrappedAxisLabel(260, 12), color: '#1b1b1f', fontSize: 12 },
			axisTick: { show: false }
		},
		series: [
			{
				type: 'bar',
				stack: 'period',
				silent: true,
				itemStyle: { color: 'transparent' },
				data: periods.map((p) => p.from)
			},
			{
				type: 'bar',
				stack: 'period',
				barWidth: 16,
				label: {
					show: true,
					position: 'insideLeft',
					color: '#ffffff',
					fontSize: 11,
					formatter: (params: { dataIndex: number }) => {
						const p = periods[params.dataIndex];
						return p ? `${p.from}–${p.to}` : '';
					}
				},
				data: periods.map((p) => ({
					value: p.to - p.from + 1,
					itemStyle: { color: p.current ? '#c2410c' : '#0b3d6e' }
				}))
			}
		]
	};
}
