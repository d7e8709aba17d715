/**
 * Which municipality a company's participation counts in: the participating production unit's
 * when the list names one that the register knows, else the company's registered address.
 */
export type AttributionRule = 'production-unit' | 'company-address' | 'unknown';

export function attributeMunicipality(
	row: { pnr: string | null },
	company: { municipalityCode: string | null } | null,
	units: ReadonlyMap<string, string | null>
): { municipalityCode: string | null; rule: AttributionRule } {
	const unit = row.pnr ? units.get(row.pnr) : undefined;
	if (unit) return { municipalityCode: unit, rule: 'production-unit' };
	if (company?.municipalityCode)
		return { municipalityCode: company.municipalityCode, rule: 'company-address' };
	return { municipalityCode: null, rule: 'unknown' };
}
