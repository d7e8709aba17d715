/** Areas compare on their Danish name: lower case, without an English gloss in brackets. */
export function areaKey(area: string): string {
	return area
		.replace(/\s*\([^)]*\)\s*$/, '')
		.trim()
		.toLowerCase();
}

/** The area's Danish name as written, without the English gloss. */
export function areaLabel(area: string): string {
	return area.replace(/\s*\([^)]*\)\s*$/, '').trim();
}
