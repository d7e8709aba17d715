/**
 * One row of a register extract or a member/participant list, checked field by field. A problem
 * is an issue naming the line and the field; a list row without a valid CVR number but with a
 * name goes to the review list instead (nothing is guessed silently).
 */
import { parseBand, type EmployeeBand } from './bands';
import { cleanCvr, isValidCvr, isValidPNumber } from './cvr';
import type { ImportField } from './headers';
import { normaliseName } from './names';

export type RowValues = Partial<Record<ImportField, string>>;

export interface RowIssue {
	line: number;
	field: ImportField | null;
	/** Message key and parameters; the caller says it in the user's language. */
	key: string;
	params: Record<string, string | number>;
}

export interface RowContext {
	municipalities: ReadonlySet<string>;
	/** Postal code → primary municipality code. */
	postalCodes: ReadonlyMap<string, string>;
}

export interface CompanyRecord {
	cvr: string;
	pnr: string | null;
	name: string;
	nameKey: string;
	municipalityCode: string | null;
	postalCode: string | null;
	employeeBand: EmployeeBand | null;
	industryCode: string | null;
	adProtected: boolean;
}

export interface ListRecord {
	cvr: string;
	pnr: string | null;
	activity: string | null;
	onDate: string | null;
}

export interface ReviewRecord {
	line: number;
	name: string;
	municipalityCode: string | null;
	givenCvr: string | null;
}

const v = (row: RowValues, field: ImportField) => (row[field] ?? '').trim();

function municipality(
	row: RowValues,
	line: number,
	ctx: RowContext,
	issues: RowIssue[]
): { code: string | null; postal: string | null } {
	const code = v(row, 'municipalityCode').padStart(3, '0');
	const postal = v(row, 'postalCode');
	if (v(row, 'municipalityCode')) {
		if (ctx.municipalities.has(code)) return { code, postal: postal || null };
		issues.push({
			line,
			field: 'municipalityCode',
			key: 'import_row_municipality',
			params: { value: v(row, 'municipalityCode') }
		});
		return { code: null, postal: null };
	}
	if (postal) {
		const mapped = ctx.postalCodes.get(postal.padStart(4, '0'));
		if (mapped) return { code: mapped, postal };
		issues.push({ line, field: 'postalCode', key: 'import_row_postal', params: { value: postal } });
	}
	return { code: null, postal: postal || null };
}

function pnrOf(row: RowValues, line: number, issues: RowIssue[]): string | null {
	const raw = v(row, 'pnr').replace(/[\s.-]/g, '');
	if (!raw) return null;
	if (isValidPNumber(raw)) return raw;
	issues.push({ line, field: 'pnr', key: 'import_row_pnr', params: { value: v(row, 'pnr') } });
	return null;
}

const YES = new Set(['ja', 'yes', 'true', '1', 'x']);
const NO = new Set(['nej', 'no', 'false', '0', '']);

export function checkRegisterRow(
	row: RowValues,
	line: number,
	ctx: RowContext
): { record: CompanyRecord | null; issues: RowIssue[] } {
	const issues: RowIssue[] = [];
	const cvr = cleanCvr(v(row, 'cvr'));
	if (!isValidCvr(cvr))
		issues.push({ line, field: 'cvr', key: 'import_row_cvr', params: { value: v(row, 'cvr') } });
	const name = v(row, 'name');
	if (!name) issues.push({ line, field: 'name', key: 'import_row_name_missing', params: {} });
	const place = municipality(row, line, ctx, issues);
	const bandText = v(row, 'employeeBand');
	const employeeBand = parseBand(bandText);
	if (bandText && !employeeBand)
		issues.push({
			line,
			field: 'employeeBand',
			key: 'import_row_band',
			params: { value: bandText }
		});
	const industry = v(row, 'industryCode');
	if (industry && !/^\d{2,6}$/.test(industry))
		issues.push({
			line,
			field: 'industryCode',
			key: 'import_row_industry',
			params: { value: industry }
		});
	const protectedText = v(row, 'adProtected').toLowerCase();
	if (!YES.has(protectedText) && !NO.has(protectedText))
		issues.push({
			line,
			field: 'adProtected',
			key: 'import_row_yes_no',
			params: { value: protectedText }
		});
	const pnr = pnrOf(row, line, issues);
	if (issues.length) return { record: null, issues };
	return {
		record: {
			cvr,
			pnr,
			name,
			nameKey: normaliseName(name),
			municipalityCode: place.code,
			postalCode: place.postal,
			employeeBand,
			industryCode: industry || null,
			adProtected: YES.has(protectedText)
		},
		issues
	};
}

/** `2023-05-17`, `17-05-2023`, `17.05.2023` or `17/05/2023` → ISO. */
export function parseDate(raw: string): string | null {
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(raw);
	const [y, mth, d] = iso
		? [iso[1], iso[2], iso[3]]
		: dk
			? [dk[3], dk[2]?.padStart(2, '0'), dk[1]?.padStart(2, '0')]
			: [];
	if (!y || !mth || !d) return null;
	const date = new Date(`${y}-${mth}-${d}T00:00:00Z`);
	return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mth}-${d}`
		? null
		: `${y}-${mth}-${d}`;
}

export function checkListRow(
	row: RowValues,
	line: number,
	ctx: RowContext
): { record: ListRecord | null; review: ReviewRecord | null; issues: RowIssue[] } {
	const issues: RowIssue[] = [];
	const given = v(row, 'cvr');
	const cvr = cleanCvr(given);
	const pnr = pnrOf(row, line, issues);
	const dateText = v(row, 'date');
	const onDate = dateText ? parseDate(dateText) : null;
	if (dateText && !onDate)
		issues.push({ line, field: 'date', key: 'import_row_date', params: { value: dateText } });
	if (issues.length) return { record: null, review: null, issues };
	if (isValidCvr(cvr))
		return {
			record: { cvr, pnr, activity: v(row, 'activity') || null, onDate },
			review: null,
			issues
		};
	const name = v(row, 'name');
	if (!name) {
		issues.push({
			line,
			field: 'cvr',
			key: given ? 'import_row_cvr_no_name' : 'import_row_nothing',
			params: { value: given }
		});
		return { record: null, review: null, issues };
	}
	const place = municipality(row, line, ctx, []);
	return {
		record: null,
		review: { line, name, municipalityCode: place.code, givenCvr: given || null },
		issues
	};
}
