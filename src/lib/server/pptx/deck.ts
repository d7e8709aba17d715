/**
 * Writes the slide model as a PowerPoint file with PptxGenJS: 16:9, a neutral template, native
 * editable charts (bar and clustered column only — the combinations PowerPoint "repairs" are
 * avoided), tables, speaker notes, and a source footer on every slide. Maps are PNG images
 * rasterised from the same SVG the pages show.
 */
import PptxGenJS from 'pptxgenjs';
import { Resvg } from '@resvg/resvg-js';
import type { DeckChart, Slide, TableCell, Tone } from '$lib/domain/meetings/slides';
import type { Locale } from '$lib/format';

export interface DeckBranding {
	organisation: string;
	/** A PNG logo as a data URL, shown top right on every slide. */
	logoDataUrl: string | null;
	demoLabel: string | null;
	title: string;
	locale: Locale;
}

const FONT = 'Liberation Sans';
const INK = '1B1B1F';
const MUTED = '5A6270';
const ACCENT = '0B3D6E';
const LIGHT = 'E3E6EA';
const SERIES = ['0B3D6E', '3C7DBF', '8CB4DC', 'C98A2B', '5E8C31', '9B4A6B'];
const TONES: Record<Tone, { fill: string; color: string }> = {
	good: { fill: 'DCEFD9', color: '1E5B1A' },
	warn: { fill: 'FBEFD2', color: '7A5200' },
	bad: { fill: 'F6D7D7', color: '8A1C1C' },
	muted: { fill: 'FFFFFF', color: '6B7280' }
};

/** Number formats written into the chart XML; PowerPoint shows them with the viewer's separators. */
export const CHART_FORMAT = { count: '#,##0', dkk: '#,##0' } as const;

const W = 13.333;
const MASTER = 'KLYNGERADAR';

function defineMaster(pptx: PptxGenJS, brand: DeckBranding): void {
	const objects: NonNullable<Parameters<PptxGenJS['defineSlideMaster']>[0]['objects']> = [
		{ rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: ACCENT } } },
		{ line: { x: 0.5, y: 6.85, w: W - 1, h: 0, line: { color: LIGHT, width: 1 } } },
		{
			text: {
				text: brand.organisation,
				options: {
					x: W - 4.6,
					y: 7.0,
					w: 3.6,
					h: 0.3,
					fontFace: FONT,
					fontSize: 9,
					color: MUTED,
					align: 'right'
				}
			}
		}
	];
	if (brand.logoDataUrl)
		objects.push({ image: { x: W - 1.6, y: 0.25, w: 1.1, h: 0.55, data: brand.logoDataUrl } });
	pptx.defineSlideMaster({
		title: MASTER,
		background: { color: 'FFFFFF' },
		objects,
		slideNumber: { x: W - 0.9, y: 7.0, w: 0.5, h: 0.3, fontFace: FONT, fontSize: 9, color: MUTED }
	});
}

function addTitle(s: PptxGenJS.Slide, title: string, lang: string): void {
	s.addText(title, {
		x: 0.5,
		y: 0.3,
		w: W - 2.4,
		h: 0.7,
		fontFace: FONT,
		fontSize: 24,
		bold: true,
		color: ACCENT,
		lang
	});
}

function addFooter(s: PptxGenJS.Slide, footer: string | null, brand: DeckBranding, lang: string) {
	const text = [brand.demoLabel, footer].filter(Boolean).join(' · ');
	if (!text) return;
	s.addText(text, {
		x: 0.5,
		y: 6.9,
		w: W - 5.3,
		h: 0.45,
		fontFace: FONT,
		fontSize: 8,
		color: brand.demoLabel ? '8A1C1C' : MUTED,
		valign: 'top',
		lang
	});
}

function addChart(pptx: PptxGenJS, s: PptxGenJS.Slide, chart: DeckChart, y: number, lang: string) {
	const horizontal = chart.type === 'bar';
	const format = CHART_FORMAT[chart.unit];
	const options: PptxGenJS.IChartOpts = {
		x: 0.5,
		y,
		w: W - 1,
		h: 6.7 - y,
		barDir: horizontal ? 'bar' : 'col',
		barGrouping: 'clustered',
		chartColors: chart.series.length > 1 ? SERIES : [ACCENT],
		showValue: true,
		dataLabelFormatCode: format,
		dataLabelFontSize: 10,
		dataLabelFontFace: FONT,
		dataLabelColor: INK,
		dataLabelPosition: 'outEnd',
		valAxisLabelFormatCode: format,
		valAxisLabelFontSize: 10,
		valAxisLabelFontFace: FONT,
		valAxisMinVal: 0,
		catAxisLabelFontSize: horizontal ? 11 : 12,
		catAxisLabelFontFace: FONT,
		valGridLine: { color: LIGHT, size: 0.5 },
		catGridLine: { style: 'none' },
		showValAxisTitle: true,
		valAxisTitle: chart.valueTitle,
		valAxisTitleFontSize: 10,
		valAxisTitleColor: MUTED,
		showLegend: chart.series.length > 1,
		legendPos: 'b',
		legendFontSize: 10,
		legendFontFace: FONT,
		lang
	};
	// The first category on top, as on the pages (the typings only list 'minMax').
	if (horizontal) (options as { catAxisOrientation: string }).catAxisOrientation = 'maxMin';
	s.addChart(
		pptx.ChartType.bar,
		chart.series.map((series) => ({
			name: series.name,
			labels: chart.categories,
			values: series.values
		})),
		options
	);
}

function cell(c: TableCell, header = false): PptxGenJS.TableCell {
	const tone = c.tone ? TONES[c.tone] : null;
	return {
		text: c.text,
		options: header
			? { bold: true, color: 'FFFFFF', fill: { color: ACCENT } }
			: { color: tone?.color ?? INK, ...(tone ? { fill: { color: tone.fill } } : {}) }
	};
}

function svgToPngDataUrl(svg: string, width: number): string {
	const png = new Resvg(svg, {
		fitTo: { mode: 'width', value: width },
		font: { loadSystemFonts: true, defaultFontFamily: FONT },
		background: 'white'
	})
		.render()
		.asPng();
	return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

function addSlide(pptx: PptxGenJS, slide: Slide, brand: DeckBranding): void {
	const lang = brand.locale === 'da' ? 'da-DK' : 'en-GB';
	const s = pptx.addSlide({ masterName: MASTER });
	if (slide.kind === 'title') {
		s.addText(slide.title, {
			x: 0.8,
			y: 2.0,
			w: W - 1.6,
			h: 1.4,
			fontFace: FONT,
			fontSize: 36,
			bold: true,
			color: ACCENT,
			lang
		});
		s.addText(slide.subtitle, {
			x: 0.8,
			y: 3.5,
			w: W - 1.6,
			h: 0.8,
			fontFace: FONT,
			fontSize: 18,
			color: INK,
			lang
		});
		s.addText(slide.date, {
			x: 0.8,
			y: 4.3,
			w: W - 1.6,
			h: 0.5,
			fontFace: FONT,
			fontSize: 14,
			color: MUTED,
			lang
		});
		if (slide.demo)
			s.addText(slide.demo, {
				x: 0.8,
				y: 5.2,
				w: W - 1.6,
				h: 0.5,
				fontFace: FONT,
				fontSize: 14,
				bold: true,
				color: '8A1C1C',
				lang
			});
		return;
	}
	addTitle(s, slide.title, lang);
	s.addNotes(slide.notes);
	addFooter(s, slide.footer, brand, lang);
	switch (slide.kind) {
		case 'bullets':
			s.addText(
				slide.bullets.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
				{
					x: 0.6,
					y: 1.2,
					w: W - 1.2,
					h: 5.4,
					fontFace: FONT,
					fontSize: slide.bullets.length > 6 ? 15 : 18,
					color: INK,
					valign: 'top',
					paraSpaceAfter: 8,
					lang
				}
			);
			return;
		case 'chart': {
			let y = 1.05;
			if (slide.headline) {
				s.addText(slide.headline, {
					x: 0.5,
					y: 1.0,
					w: W - 1,
					h: 0.6,
					fontFace: FONT,
					fontSize: 15,
					color: INK,
					lang
				});
				y = 1.65;
			}
			addChart(pptx, s, slide.chart, y, lang);
			return;
		}
		case 'table': {
			const rows = [
				slide.columns.map((text) => cell({ text }, true)),
				...slide.rows.map((r) => r.map((c) => cell(c)))
			];
			const fontSize = rows.length > 12 ? 10 : 12;
			s.addTable(rows, {
				x: 0.5,
				y: 1.2,
				w: W - 1,
				fontFace: FONT,
				fontSize,
				border: { type: 'solid', pt: 0.5, color: LIGHT },
				rowH: fontSize === 10 ? 0.3 : 0.36,
				valign: 'middle',
				autoPage: false
			});
			return;
		}
		case 'quotes':
			slide.quotes.forEach((q, i) => {
				s.addText(
					[
						{
							text: `„${q.text}“`,
							options: { italic: true, fontSize: 15, color: INK, breakLine: true }
						},
						{ text: `– ${q.who}`, options: { fontSize: 12, color: MUTED } }
					],
					{ x: 0.6, y: 1.2 + i * 1.35, w: W - 1.2, h: 1.25, fontFace: FONT, valign: 'top', lang }
				);
			});
			return;
		case 'image':
			s.addImage({ data: svgToPngDataUrl(slide.svg, 1100), x: 0.5, y: 1.1, w: 6.0, h: 5.3 });
			s.addText(slide.caption, {
				x: 7.0,
				y: 1.4,
				w: W - 7.5,
				h: 4.8,
				fontFace: FONT,
				fontSize: 16,
				color: INK,
				valign: 'top',
				lang
			});
			return;
	}
}

/** The deck as a .pptx file. */
export async function writePptx(slides: Slide[], brand: DeckBranding): Promise<Buffer> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = brand.title;
	pptx.company = brand.organisation;
	pptx.author = 'Klyngeradar';
	pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
	defineMaster(pptx, brand);
	for (const slide of slides) addSlide(pptx, slide, brand);
	return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}
