/** The findings maps drawn: the page and the meeting snapshot draw them the same way. */
import { choroplethOption } from '$lib/domain/charts/choropleth';
import { formatNumber, type Locale } from '$lib/format';
import { municipalityMap, regionOutlines } from '../../charts/geography';
import { renderSvg } from '../../charts/render';
import { m } from '../../i18n';
import type { SurveyLabels } from '../survey';
import type { FindingsMap } from './report';

/** A findings map as the page and the meeting deck show it: the region's municipalities shaded. */
export async function drawFindingsMap(
	map: FindingsMap,
	labels: SurveyLabels,
	locale: Locale
): Promise<{ id: string; title: string; svg: string; caption: string }> {
	const max = Math.max(0, ...Object.values(map.values));
	const svg = await renderSvg(
		choroplethOption({
			map: await municipalityMap(map.regionCode),
			areas: labels.municipalityList.map((mu) => ({
				code: mu.code,
				name: mu.name,
				value: map.values[mu.code] ?? 0
			})),
			markers: [],
			outlines: regionOutlines(map.regionCode),
			legendLow: '0',
			legendHigh: m.findings_legend_clusters({ count: formatNumber(max, locale) }, { locale }),
			max
		}),
		{ width: 520, height: 460 }
	);
	return { id: map.id, title: map.title, svg, caption: map.caption };
}
