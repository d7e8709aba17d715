/**
 * Postal code → municipality, from `data/reference/geo/postal-codes.csv` (PostNord and DAGI, see
 * its SOURCES.md). A postal code that spans several municipalities maps to its primary one (the
 * row marked `primary`, the municipality with the largest share of the area): the rule shown
 * wherever a company was placed by its postal code.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDataFolder } from '../../paths';

let cached: Map<string, string> | undefined;

export function postalCodeMunicipalities(): ReadonlyMap<string, string> {
	if (cached) return cached;
	const rows = parse(readFileSync(join(referenceDataFolder, 'geo', 'postal-codes.csv'), 'utf8'), {
		columns: true,
		skip_empty_lines: true
	}) as { postalCode: string; municipalityCode: string; primary: string }[];
	cached = new Map(
		rows.filter((r) => r.primary === '1').map((r) => [r.postalCode, r.municipalityCode])
	);
	return cached;
}
