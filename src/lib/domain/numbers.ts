/**
 * Reads a number typed into a form the way Danes write it (`1.740`, `12,5`, `1 740`) or the way
 * English speakers do (`1,740` is ambiguous and read as Danish 1,74 only when it cannot be
 * thousands). Returns null for anything that is not a number.
 *
 * @example parseLocaleNumber('1.740') // 1740
 * @example parseLocaleNumber('12,5') // 12.5
 */
export function parseLocaleNumber(input: string): number | null {
	const text = input
		.trim()
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(/kr\.?$/i, '');
	if (text === '') return null;
	let normalised: string;
	if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text))
		normalised = text.replace(/\./g, '').replace(',', '.');
	else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) normalised = text.replace(/,/g, '');
	else if (/^-?\d+(,\d+)?$/.test(text)) normalised = text.replace(',', '.');
	else if (/^-?\d+(\.\d+)?$/.test(text)) normalised = text;
	else return null;
	const value = Number(normalised);
	return Number.isFinite(value) ? value : null;
}
