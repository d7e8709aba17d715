/**
 * Employee bands as the CVR register publishes them, and the split the source document uses
 * (fewer than 50 employees, 50 or more).
 */
export const employeeBands = [
	'0',
	'1',
	'2-4',
	'5-9',
	'10-19',
	'20-49',
	'50-99',
	'100-199',
	'200-499',
	'500-999',
	'1000+'
] as const;
export type EmployeeBand = (typeof employeeBands)[number];

export type SizeGroup = 'lt50' | 'ge50' | 'unknown';

const large = new Set<EmployeeBand>(['50-99', '100-199', '200-499', '500-999', '1000+']);

export function sizeGroup(band: EmployeeBand | null): SizeGroup {
	if (band === null) return 'unknown';
	return large.has(band) ? 'ge50' : 'lt50';
}

/** Reads a band as written in extracts: "2-4", "2 - 4", "2–4", "1000+", "1.000+", "1000-999999". */
export function parseBand(raw: string): EmployeeBand | null {
	const text = raw
		.trim()
		.replace(/[–—]/g, '-')
		.replace(/\s+/g, '')
		.replace(/\.(?=\d{3})/g, '');
	if (text === '') return null;
	if (/^1000(\+|-\d+)$/.test(text) || text === '1000') return '1000+';
	return (employeeBands as readonly string[]).includes(text) ? (text as EmployeeBand) : null;
}
