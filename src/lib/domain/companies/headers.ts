/**
 * Column recognition for register extracts and member lists: a header is matched
 * case-insensitively, Danish or English, ignoring spaces, dashes and underscores.
 */
export const importFields = [
	'cvr',
	'pnr',
	'name',
	'municipalityCode',
	'postalCode',
	'employeeBand',
	'industryCode',
	'adProtected',
	'date',
	'activity'
] as const;
export type ImportField = (typeof importFields)[number];

const ALIASES: Record<ImportField, string[]> = {
	cvr: ['cvr', 'cvrnummer', 'cvrnr', 'cvrno', 'cvrnumber'],
	pnr: ['pnummer', 'pnr', 'pnumber', 'produktionsenhed'],
	name: ['navn', 'name', 'virksomhed', 'virksomhedsnavn', 'company', 'companyname'],
	municipalityCode: ['kommunekode', 'municipalitycode', 'kommune', 'municipality'],
	postalCode: ['postnummer', 'postalcode', 'postnr', 'zip', 'postcode'],
	employeeBand: ['ansatte', 'employeeband', 'employees', 'antalansatte', 'ansatteinterval'],
	industryCode: ['branchekode', 'industrycode', 'db07', 'branche'],
	adProtected: ['reklamebeskyttet', 'adprotected', 'advertisingprotected'],
	date: ['dato', 'date'],
	activity: ['aktivitet', 'activity']
};

function key(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s_\-.]/g, '');
}

/** The field each column holds, by header; unknown columns map to null. */
export function recogniseHeaders(headers: string[]): (ImportField | null)[] {
	const taken = new Set<ImportField>();
	return headers.map((header) => {
		const k = key(header);
		const field = importFields.find((f) => !taken.has(f) && ALIASES[f].includes(k)) ?? null;
		if (field) taken.add(field);
		return field;
	});
}
