/**
 * The rows of one company file, checked as they are read: the header decides which column each
 * field is read from (the user's mapping, the cluster's remembered mapping, then recognition by
 * header), every row is checked by the pure rules in `domain/companies/rows.ts`, good rows are
 * handed to the COPY sink as values per column while the file is still being read, and problems
 * are collected with line and field in the user's language. After the first problem nothing
 * more is handed on: the file is rejected whole.
 */
import { importFields, recogniseHeaders, type ImportField } from '$lib/domain/companies/headers';
import type { CompanyImportKind } from '$lib/domain/companies/kinds';
import {
	checkListRow,
	checkRegisterRow,
	type CompanyRecord,
	type ListRecord,
	type ReviewRecord,
	type RowContext,
	type RowIssue,
	type RowValues
} from '$lib/domain/companies/rows';
import { ValidationError, type FieldIssue } from '$lib/domain/errors';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { formatNumber } from '$lib/format';
import type { CopyRow, WriteRows } from '../../db/bulk';
import type { RecordBatch } from '../../import/csv';
import { m, messageByKey } from '../../i18n';
import type { Ctx } from '../context';

/** Largest file and most rows accepted: a national register extract fits, a runaway file not. */
export const IMPORT_LIMITS = {
	bytes: 400 * 1024 * 1024,
	rows: 3_000_000,
	/** Rows without a valid CVR number kept for review; a file of names only is not a list. */
	reviewRows: 10_000
} as const;
/** Issues reported for a rejected file; the count says how many there were in all. */
const MAX_ISSUES = 50;

export type Mapping = Partial<Record<ImportField, string>>;
export type ImportKind = CompanyImportKind;

export function reject(ctx: Pick<Ctx, 'locale'>, issues: FieldIssue[], total = issues.length) {
	return new ValidationError(
		m.import_rejected({ count: total }, { locale: ctx.locale }),
		issues.slice(0, MAX_ISSUES)
	);
}

/** A field's name in the user's language, e.g. "CVR-nummer". */
export function fieldName(ctx: Pick<Ctx, 'locale'>, field: ImportField): string {
	return messageByKey(`import_f_${field}`, {}, ctx.locale) ?? field;
}

function sayIssue(ctx: Pick<Ctx, 'locale'>, issue: RowIssue): FieldIssue {
	const field = issue.field
		? m.import_field_name({ field: fieldName(ctx, issue.field) }, { locale: ctx.locale })
		: '';
	return {
		path: [`line ${issue.line}`, ...(issue.field ? [issue.field] : [])],
		message: m.import_row_issue(
			{
				line: issue.line,
				field,
				message: messageByKey(issue.key, issue.params, ctx.locale) ?? issue.key
			},
			{ locale: ctx.locale }
		)
	};
}

/** The column index of each field: the user's mapping first, then recognition by header. */
function columnsOf(
	ctx: Pick<Ctx, 'locale'>,
	headers: string[],
	mapping: Mapping,
	remembered: Mapping
): Map<ImportField, number> {
	const columns = new Map<ImportField, number>();
	const lower = headers.map((h) => h.trim().toLowerCase());
	const issues: FieldIssue[] = [];
	// The cluster's mapping from its last list, where this file has the same columns.
	for (const [field, header] of Object.entries(remembered) as [ImportField, string][]) {
		const index = lower.indexOf(header.trim().toLowerCase());
		if (index >= 0 && !mapping[field] && importFields.includes(field)) columns.set(field, index);
	}
	for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
		if (!header) continue;
		const index = lower.indexOf(header.trim().toLowerCase());
		if (index < 0)
			issues.push({
				path: ['mapping', field],
				message: m.import_mapping_missing({ header }, { locale: ctx.locale })
			});
		else columns.set(field, index);
	}
	if (issues.length) throw reject(ctx, issues);
	recogniseHeaders(headers).forEach((field, index) => {
		if (field && !columns.has(field) && ![...columns.values()].includes(index))
			columns.set(field, index);
	});
	return columns;
}

/** The import a list row belongs to: the columns before the row's own. */
export interface ListScope {
	/** Named in every row: the column's default would be evaluated once per row. */
	organisationId: number;
	importId: number;
	clusterId: number;
	year: number;
	kind: ImportKind;
}

/** A list row in the order of `LIST_COPY_COLUMNS`. */
const listRow = (scope: ListScope, r: ListRecord): CopyRow => [
	scope.organisationId,
	scope.importId,
	scope.clusterId,
	scope.year,
	scope.kind,
	r.cvr,
	r.pnr,
	r.activity,
	r.onDate
];

/** A register row in the order of `REGISTER_COPY_COLUMNS` (the staging table's). */
const registerRow = (r: CompanyRecord): CopyRow => [
	r.cvr,
	r.pnr,
	r.name,
	r.nameKey,
	r.municipalityCode,
	r.postalCode,
	r.employeeBand,
	r.industryCode,
	r.adProtected
];

function tooMany(
	ctx: Pick<Ctx, 'locale'>,
	key: 'import_too_many_rows' | 'import_too_many_review_rows'
) {
	const max = key === 'import_too_many_rows' ? IMPORT_LIMITS.rows : IMPORT_LIMITS.reviewRows;
	return reject(ctx, [
		{
			path: ['rows'],
			message: m[key]({ max: formatNumber(max, ctx.locale) }, { locale: ctx.locale })
		}
	]);
}

/** The columns of the header row; a file without the fields its kind needs is refused. */
function headerColumns(
	ctx: Pick<Ctx, 'locale'>,
	header: string[],
	kind: ImportKind,
	mapping: Mapping,
	remembered: Mapping
): Map<ImportField, number> {
	const columns = columnsOf(ctx, header, mapping, remembered);
	const missing: ImportField[] = kind === 'register' ? ['cvr', 'name'] : [];
	if (kind !== 'register' && !columns.has('cvr') && !columns.has('name')) missing.push('cvr');
	const absent = missing.filter((field) => !columns.has(field));
	if (absent.length)
		throw reject(
			ctx,
			absent.map((field) => ({
				path: ['columns', field],
				message: m.import_column_missing({ field: fieldName(ctx, field) }, { locale: ctx.locale })
			}))
		);
	return columns;
}

export interface ReadOutcome {
	rowsRead: number;
	rowsAccepted: number;
	review: ReviewRecord[];
	mapping: Mapping;
}

/**
 * Reads every batch, hands the good rows to `write` and throws the file's problems at the end
 * (after reading all of it, so the user sees every line to fix, up to a limit).
 */
export async function checkRows(
	ctx: Pick<Ctx, 'locale'>,
	batches: AsyncIterable<RecordBatch>,
	options: {
		kind: ImportKind;
		mapping: Mapping;
		remembered: Mapping;
		rowContext: RowContext;
		/** The import a list's rows belong to; not used for a register extract. */
		listScope?: ListScope;
		write: WriteRows;
		onRows?: (rows: number) => void;
		/** The true lines of records whose batch lines are provisional (CSV; see `csvLines`). */
		exactLines?: (provisional: number[]) => Promise<Map<number, number>>;
	}
): Promise<ReadOutcome> {
	const { kind, rowContext, listScope } = options;
	if (kind !== 'register' && !listScope) throw new Error('a list import needs its scope');
	const out: ReadOutcome = { rowsRead: 0, rowsAccepted: 0, review: [], mapping: {} };
	const issues: RowIssue[] = [];
	let total = 0;
	let columns: [ImportField, number][] | null = null;
	const note = (found: RowIssue[]) => {
		total += found.length;
		for (const issue of found) if (issues.length < MAX_ISSUES) issues.push(issue);
	};
	for await (const batch of batches) {
		const rows: CopyRow[] = [];
		for (let i = 0; i < batch.records.length; i++) {
			const record = batch.records[i] ?? [];
			const line = batch.lines[i] ?? 0;
			if (!columns) {
				columns = [...headerColumns(ctx, record, kind, options.mapping, options.remembered)];
				out.mapping = Object.fromEntries(columns.map(([field, at]) => [field, record[at] ?? '']));
				continue;
			}
			out.rowsRead += 1;
			if (out.rowsRead > IMPORT_LIMITS.rows) throw tooMany(ctx, 'import_too_many_rows');
			const values: RowValues = {};
			for (const [field, at] of columns) values[field] = record[at] ?? '';
			if (kind === 'register') {
				const checked = checkRegisterRow(values, line, rowContext);
				if (checked.issues.length) note(checked.issues);
				else if (checked.record && total === 0) rows.push(registerRow(checked.record));
			} else {
				const checked = checkListRow(values, line, rowContext);
				if (checked.issues.length) note(checked.issues);
				else if (checked.record && total === 0 && listScope)
					rows.push(listRow(listScope, checked.record));
				if (checked.review) {
					out.review.push(checked.review);
					if (out.review.length > IMPORT_LIMITS.reviewRows)
						throw tooMany(ctx, 'import_too_many_review_rows');
				}
			}
		}
		if (rows.length && total === 0) await options.write(rows);
		options.onRows?.(out.rowsRead);
		// A file already in memory is read without ever waiting for I/O; without a turn of the
		// event loop per batch, the server would answer no other request (not even the page
		// asking for this import's progress) until the whole file is read.
		await nextTurn();
	}
	if (!columns)
		throw reject(ctx, [{ path: [], message: m.import_empty({}, { locale: ctx.locale }) }]);
	if (options.exactLines && (issues.length || out.review.length)) {
		const lines = await options.exactLines([
			...issues.map((i) => i.line),
			...out.review.map((r) => r.line)
		]);
		for (const item of [...issues, ...out.review]) item.line = lines.get(item.line) ?? item.line;
	}
	if (issues.length)
		throw reject(
			ctx,
			issues.map((issue) => sayIssue(ctx, issue)),
			total
		);
	out.rowsAccepted = out.rowsRead - out.review.length;
	return out;
}
