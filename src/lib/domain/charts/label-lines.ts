/**
 * Axis labels wrapped for ECharts. Its own wrapping breaks a long word anywhere
 * ("innovationssamarbejd/er"), so labels are broken here, at spaces and after hyphens only; a word
 * longer than a line stays whole.
 */

/** Average glyph width as a share of the font size, for the chart's sans-serif font. */
const GLYPH_WIDTH = 0.55;

export function wrapLabel(text: string, width: number, fontSize: number): string {
	const budget = Math.max(1, Math.floor(width / (fontSize * GLYPH_WIDTH)));
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter((w) => w !== '')) {
		word.split(/(?<=-)/).forEach((part, i) => {
			const joined = line === '' ? part : `${line}${i === 0 ? ' ' : ''}${part}`;
			if (line !== '' && joined.length > budget) {
				lines.push(line);
				line = part;
			} else line = joined;
		});
	}
	if (line !== '') lines.push(line);
	return lines.join('\n');
}

/** An ECharts category axis label that wraps at word boundaries within `width` pixels. */
export function wrappedAxisLabel(width: number, fontSize: number) {
	return {
		width,
		overflow: 'none',
		formatter: (label: string) => wrapLabel(label, width, fontSize)
	};
}
