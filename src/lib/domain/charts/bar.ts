/**
 * A horizontal bar chart of counts ("Antal klynger" per answer option), as in the source
 * document's findings slides. The view model is shared by the findings page, the API (without
 * the SVG) and the deck, which draws the same bars as a native PowerPoint chart.
 */
import { wrappedAxisLabel } from './label-lines';
export interface BarChartViewModel {
	/** Stable id, e.g. `presence`. */
	id: string;
	title: string;
	/** Axis caption, e.g. "Antal klynger". */
	valueLabel: string;
	categories: { key: string; label: string; value: number }[];
	/** Answered (n) of invited (N), and the status counted ("Gennemført"). */
	n: number;
	N: number;
	footnote: string;
}

export function barChartOption(
	vm: BarChartViewModel,
	format: (value: number) => string
): Record<string, unknown> {
	const max = Math.max(1, ...vm.categories.map((c) => c.value));
	return {
		grid: { left: 8, right: 40, top: 8, bottom: 28, containLabel: true },
		xAxis: {
			type: 'value',
			minInterval: 1,
			max: Math.max(max, vm.N),
			name: vm.valueLabel,
			nameLocation: 'middle',
			nameGap: 22,
			nameTextStyle: { color: '#4a4f57', fontSize: 11 },
			axisLabel: { formatter: (value: number) => format(value), color: '#4a4f57', fontSize: 11 },
			splitLine: { lineStyle: { color: '#e3e6ea' } }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: vm.categories.map((c) => c.label),
			axisLabel: { ...wrappedAxisLabel(260, 12), color: '#1b1b1f', fontSize: 12 },
			axisTick: { show: false }
		},
		series: [
			{
				type: 'bar',
				barMaxWidth: 22,
				itemStyle: { color: '#0b3d6e' },
				label: {
					show: true,
					position: 'right',
					color: '#1b1b1f',
					fontSize: 12,
					formatter: (p: { value: number }) => format(p.value)
				},
				data: vm.categories.map((c) => c.value)
			}
		]
	};
}
