/**
 * The fit matrix as a heat map: clusters down, efforts across, the shown score in each cell.
 * The grid has a fixed geometry so the page can lay links over the cells of the SVG.
 */
import { wrappedAxisLabel } from './label-lines';
export interface HeatmapViewModel {
	rows: { key: string; label: string }[];
	columns: { key: string; label: string }[];
	/** Shown score per row × column, and how to mark it. */
	cells: { row: string; column: string; value: number; mark: '' | '*' | '?' }[];
}

export interface HeatmapLayout {
	width: number;
	height: number;
	left: number;
	top: number;
	cellWidth: number;
	cellHeight: number;
}

export function heatmapLayout(vm: HeatmapViewModel): HeatmapLayout {
	const left = 210;
	const top = 72;
	const cellWidth = 118;
	const cellHeight = 32;
	return {
		width: left + vm.columns.length * cellWidth + 12,
		height: top + vm.rows.length * cellHeight + 12,
		left,
		top,
		cellWidth,
		cellHeight
	};
}

/** Sequential colours, light to dark, that stay apart for colour-blind readers. */
export const heatmapColors = ['#f1f5fa', '#c9dcee', '#8db7dc', '#4a88c0', '#1b5a96', '#0b3d6e'];

export function heatmapOption(
	vm: HeatmapViewModel,
	layout: HeatmapLayout
): Record<string, unknown> {
	const columnIndex = new Map(vm.columns.map((c, i) => [c.key, i]));
	const rowIndex = new Map(vm.rows.map((r, i) => [r.key, i]));
	return {
		grid: {
			left: layout.left,
			top: layout.top,
			width: vm.columns.length * layout.cellWidth,
			height: vm.rows.length * layout.cellHeight,
			containLabel: false
		},
		xAxis: {
			type: 'category',
			position: 'top',
			data: vm.columns.map((c) => c.label),
			axisLabel: {
				interval: 0,
				...wrappedAxisLabel(layout.cellWidth - 8, 11),
				color: '#1b1b1f',
				fontSize: 11,
				lineHeight: 13
			},
			axisTick: { show: false },
			axisLine: { show: false },
			splitArea: { show: false }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: vm.rows.map((r) => r.label),
			axisLabel: { width: layout.left - 12, overflow: 'truncate', color: '#1b1b1f', fontSize: 12 },
			axisTick: { show: false },
			axisLine: { show: false }
		},
		visualMap: {
			show: false,
			type: 'piecewise',
			dimension: 2,
			pieces: heatmapColors.map((color, i) => ({
				min: i === 0 ? 0 : i * 17 - 0.5,
				max: i === heatmapColors.length - 1 ? 100 : (i + 1) * 17 - 0.5,
				color
			}))
		},
		series: [
			{
				type: 'heatmap',
				itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
				label: {
					show: true,
					fontSize: 12,
					formatter: (p: { value: [number, number, number, string] }) =>
						`${p.value[2]}${p.value[3]}`,
					color: '#1b1b1f'
				},
				data: vm.cells.map((cell) => ({
					value: [
						columnIndex.get(cell.column) ?? 0,
						rowIndex.get(cell.row) ?? 0,
						cell.value,
						cell.mark
					],
					// Dark cells need light text to keep the contrast.
					label: { color: cell.value >= 51 ? '#ffffff' : '#1b1b1f' }
				}))
			}
		]
	};
}
