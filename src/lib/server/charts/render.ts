/**
 * Server-side rendering of ECharts options to SVG strings, for pages (inlined), decks and files.
 * ECharts is imported lazily (its cold import costs ~0.5 s) and maps are registered once.
 */
import type { EChartsOption } from 'echarts';

type ECharts = typeof import('echarts');
let echartsModule: Promise<ECharts> | undefined;

function echarts(): Promise<ECharts> {
	echartsModule ??= import('echarts');
	return echartsModule;
}

/** The font the SVG text asks for; installed wherever the SVG is rasterised (browser, LibreOffice). */
export const CHART_FONT = 'Liberation Sans, Arial, Helvetica, sans-serif';

export interface RenderOptions {
	width: number;
	height: number;
}

export async function registerMapOnce(name: string, geoJson: () => object): Promise<void> {
	const lib = await echarts();
	if (!lib.getMap(name)) lib.registerMap(name, geoJson() as Parameters<ECharts['registerMap']>[1]);
}

export async function renderSvg(
	option: EChartsOption,
	{ width, height }: RenderOptions
): Promise<string> {
	const lib = await echarts();
	const chart = lib.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
