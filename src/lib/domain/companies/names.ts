/**
 * Company names normalised for matching rows without a valid CVR number: legal-form suffixes
 * (ApS, A/S, I/S, IVS, P/S, K/S, AMBA, …) removed, case folded, æ/ø/å written as ae/oe/aa,
 * punctuation dropped. A match is only ever a suggestion for an analyst to confirm.
 */
const LEGAL_FORMS = [
	'aps',
	'a/s',
	'as',
	'i/s',
	'is',
	'ivs',
	'p/s',
	'k/s',
	'amba',
	'a.m.b.a.',
	'fmba',
	'smba'
];

export function normaliseName(name: string): string {
	let text = name
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '');
	// Legal forms at the end, possibly several ("Holding ApS"), with or without punctuation.
	for (;;) {
		const before = text;
		for (const form of LEGAL_FORMS) {
			const escaped = form.replace(/[./]/g, (c) => `\\${c}`);
			text = text.replace(new RegExp(`[\\s,.-]*${escaped}\\.?\\s*$`), '');
		}
		if (text === before) break;
	}
	return text
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.replace(/\s+/g, ' ');
}

export interface MatchCandidate {
	cvr: string;
	name: string;
	municipalityCode: string | null;
}

/**
 * The register companies a row without CVR may be: the same normalised name, preferring one in
 * the row's municipality. Several equally good candidates mean no suggestion.
 */
export function suggestMatch(
	row: { name: string; municipalityCode: string | null },
	candidates: MatchCandidate[]
): MatchCandidate | null {
	const wanted = normaliseName(row.name);
	if (!wanted) return null;
	const same = candidates.filter((c) => normaliseName(c.name) === wanted);
	const local = row.municipalityCode
		? same.filter((c) => c.municipalityCode === row.municipalityCode)
		: [];
	const pool = local.length ? local : same;
	return pool.length === 1 ? (pool[0] ?? null) : null;
}
