/**
 * Imports of company data: a register extract (companies and production units by CVR) or a
 * cluster's member or participant list for a year. The file is decoded (UTF-8 with or without
 * BOM, else Latin-1), its delimiter detected, its columns recognised by header or mapped by the
 * user, and every row checked; one bad row rejects the file with the line and field named, and
 * nothing is written. A good file is written in one transaction; a new list replaces the
 * cluster's earlier list for the same year.
 */
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { importFields, recogniseHeaders, type ImportField } from '$lib/domain/companies/headers';
import { suggestMatch } from '$lib/domain/companies/names';
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
import { NotFoundError, ValidationError } from '$lib/domain/errors';
import type { FieldIssue } from '$lib/domain/errors';
import { clearFigures } from '../db/queries/companies/cache';
import { findClusterBySlug } from '../db/queries/landscape/clusters';
import { listMunicipalities } from '../db/queries/reference/geography';
import {
	companiesByNameKey,
	deleteListImports,
	insertImport,
	insertListRows,
	insertReviewRows,
	insertMissingCompanies,
	lastMappingOf,
	upsertCompanies,
	upsertProductionUnits
} from '../db/queries/companies/writes';
import { normaliseName } from '$lib/domain/companies/names';
import { m, messageByKey } from '../i18n';
import { parseInput } from '../validation';
import { requireRole } from './access';
import { recordAudit } from './audit';
import type { Ctx } from './context';
import { postalCodeMunicipalities } from './postal-codes';

/** Largest file and most rows accepted: a national register extract fits, a runaway file not. */
export const IMPORT_LIMITS = { bytes: 400 * 1024 * 1024, rows: 3_000_000 } as const;
/** Issues reported for a rejected file; the count says how many there were in all. */
const MAX_ISSUES = 50;

export const ImportOptionsSchema = z.object({
	kind: z.enum(['register', 'members', 'participants']),
	cluster: z.string().trim().min(1).max(100).optional(),
	year: z.coerce.number().int().min(2000).max(2100).optional(),
	filename: z.string().trim().min(1).max(255),
	/** Field → header of the column to read it from, overriding recognition. */
	mapping: z.partialRecord(z.enum(importFields), z.string().max(200)).default({})
});
export type ImportOptions = z.input<typeof ImportOptionsSchema>;

export interface ImportSummary {
	importId: number;
	kind: 'register' | 'members' | 'participants';
	rowsRead: number;
	rowsAccepted: number;
	rowsForReview: number;
	encoding: 'utf-8' | 'latin-1';
	delimiter: string;
	mapping: Partial<Record<ImportField, string>>;
	replaced: number;
}

function reject(ctx: Ctx, issues: FieldIssue[], total = issues.length): ValidationError {
	return new ValidationError(
		m.import_rejected({ count: total }, { locale: ctx.locale }),
		issues.slice(0, MAX_ISSUES)
	);
}

/** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else Latin-1 (Windows-1252). */
export function decode(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'latin-1' } {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'latin-1' };
	}
}

/** The delimiter of the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(text: string): string {
	const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
	const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
	const [best] = [...counts].sort((a, b) => b[1] - a[1]);
	return best && best[1] > 0 ? best[0] : ',';
}

/** A field's name in the user's language, e.g. "CVR-nummer". */
export function fieldName(ctx: Pick<Ctx, 'locale'>, field: ImportField): string {
	return messageByKey(`import_f_${field}`, {}, ctx.locale) ?? field;
}

function sayIssue(ctx: Ctx, issue: RowIssue): FieldIssue {
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

interface Parsed {
	registers: CompanyRecord[];
	list: (ListRecord & { line: number })[];
	review: ReviewRecord[];
	rowsRead: number;
	mapping: Partial<Record<ImportField, string>>;
}

/** The column index of each field: the user's mapping first, then recognition by header. */
function columnsOf(
	ctx: Ctx,
	headers: string[],
	mapping: Partial<Record<ImportField, string>>,
	remembered: Partial<Record<ImportField, string>>
): Map<ImportField, number> {
	const columns = new Map<ImportField, number>();
	const lower = headers.map((h) => h.trim().toLowerCase());
	const issues: FieldIssue[] = [];
	// The cluster's mapping from its last list, where this file has the same columns.
	for (const [field, header] of Object.entries(remembered) as [ImportField, string][]) {
		const index = lower.indexOf(header.trim().toLowerCase());
		if (index >= 0 && !mapping[field]) columns.set(field, index);
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

async function parseFile(
	ctx: Ctx,
	text: string,
	delimiter: string,
	kind: ImportSummary['kind'],
	mapping: Partial<Record<ImportField, string>>,
	remembered: Partial<Record<ImportField, string>>,
	rowContext: RowContext,
	onProgress?: (rows: number) => void
): Promise<Parsed> {
	const parser = Readable.from([text]).pipe(
		parse({ delimiter, skip_empty_lines: true, trim: true, relax_quotes: false })
	);
	const out: Parsed = { registers: [], list: [], review: [], rowsRead: 0, mapping: {} };
	const issues: FieldIssue[] = [];
	let total = 0;
	let columns: Map<ImportField, number> | null = null;
	let line = 0;
	try {
		for await (const record of parser as AsyncIterable<string[]>) {
			line += 1;
			if (!columns) {
				columns = columnsOf(ctx, record, mapping, remembered);
				out.mapping = Object.fromEntries(
					[...columns].map(([field, index]) => [field, record[index] ?? ''])
				);
				const needed: ImportField[] = kind === 'register' ? ['cvr', 'name'] : [];
				const missing = needed.filter((f) => !columns?.has(f));
				if (kind !== 'register' && !columns.has('cvr') && !columns.has('name')) missing.push('cvr');
				if (missing.length)
					throw reject(
						ctx,
						missing.map((field) => ({
							path: ['columns', field],
							message: m.import_column_missing(
								{ field: fieldName(ctx, field) },
								{ locale: ctx.locale }
							)
						}))
					);
				continue;
			}
			out.rowsRead += 1;
			if (out.rowsRead > IMPORT_LIMITS.rows)
				throw reject(ctx, [
					{
						path: ['rows'],
						message: m.import_too_many_rows(
							{ max: IMPORT_LIMITS.rows.toLocaleString('da-DK') },
							{ locale: ctx.locale }
						)
					}
				]);
			const values: RowValues = {};
			for (const [field, index] of columns) values[field] = record[index] ?? '';
			if (kind === 'register') {
				const checked = checkRegisterRow(values, line, rowContext);
				if (checked.record) out.registers.push(checked.record);
				total += checked.issues.length;
				if (issues.length < MAX_ISSUES) issues.push(...checked.issues.map((i) => sayIssue(ctx, i)));
			} else {
				const checked = checkListRow(values, line, rowContext);
				if (checked.record) out.list.push({ ...checked.record, line });
				if (checked.review) out.review.push(checked.review);
				total += checked.issues.length;
				if (issues.length < MAX_ISSUES) issues.push(...checked.issues.map((i) => sayIssue(ctx, i)));
			}
			if (onProgress && out.rowsRead % 100_000 === 0) onProgress(out.rowsRead);
		}
	} catch (err) {
		if (err instanceof ValidationError) throw err;
		const lines = (err as { lines?: number }).lines;
		throw reject(ctx, [
			{
				path: lines ? [`line ${lines}`] : [],
				message: m.import_csv_broken(
					{ line: lines ?? line, detail: (err as Error).message },
					{ locale: ctx.locale }
				)
			}
		]);
	}
	if (!columns)
		throw reject(ctx, [{ path: [], message: m.import_empty({}, { locale: ctx.locale }) }]);
	if (issues.length) throw reject(ctx, issues, total);
	return out;
}

const companyColumns = ({ pnr: _pnr, ...company }: CompanyRecord) => company;

/** Checks and writes one file; all or nothing. */
export async function importCompanyFile(
	ctx: Ctx,
	bytes: Uint8Array,
	input: ImportOptions,
	onProgress?: (rows: number) => void
): Promise<ImportSummary> {
	requireRole(ctx, 'analyst');
	const options = parseInput(ImportOptionsSchema, input, ctx.locale);
	const o = { locale: ctx.locale };
	if (bytes.length > IMPORT_LIMITS.bytes)
		throw reject(ctx, [
			{
				path: ['file'],
				message: m.import_too_large({ max: `${IMPORT_LIMITS.bytes / 1024 / 1024} MB` }, o)
			}
		]);
	let cluster: { id: number } | undefined;
	if (options.kind !== 'register') {
		const issues: FieldIssue[] = [];
		if (!options.cluster)
			issues.push({ path: ['cluster'], message: m.import_cluster_needed({}, o) });
		if (!options.year) issues.push({ path: ['year'], message: m.import_year_needed({}, o) });
		if (issues.length) throw reject(ctx, issues);
		cluster = await findClusterBySlug(ctx.db, options.cluster ?? '');
		if (!cluster)
			throw new NotFoundError(m.landscape_cluster_not_found({ slug: options.cluster ?? '' }, o));
	}
	const { text, encoding } = decode(bytes);
	const delimiter = detectDelimiter(text);
	const municipalities = await listMunicipalities(ctx.db);
	const rowContext: RowContext = {
		municipalities: new Set(municipalities.map((mu) => mu.code)),
		postalCodes: postalCodeMunicipalities()
	};
	const parsed = await parseFile(
		ctx,
		text,
		delimiter,
		options.kind,
		options.mapping,
		cluster ? ((await lastMappingOf(ctx.db, cluster.id)) ?? {}) : {},
		rowContext,
		onProgress
	);
	const candidates = await companiesByNameKey(
		ctx.db,
		parsed.review.map((r) => normaliseName(r.name))
	);
	return ctx.db.transaction(async (tx) => {
		let replaced = 0;
		if (cluster && options.kind !== 'register')
			replaced = await deleteListImports(tx, {
				clusterId: cluster.id,
				year: options.year ?? 0,
				kind: options.kind
			});
		const rowsAccepted = options.kind === 'register' ? parsed.registers.length : parsed.list.length;
		const { id } = await insertImport(tx, {
			kind: options.kind,
			clusterId: cluster?.id ?? null,
			year: options.year ?? null,
			filename: options.filename,
			rowsRead: parsed.rowsRead,
			rowsAccepted,
			rowsForReview: parsed.review.length,
			mapping: parsed.mapping,
			createdByLabel: actorLabel(ctx.actor)
		});
		if (options.kind === 'register') {
			// A row with a P-number describes a production unit (its own municipality); a row
			// without one, the company at its registered address.
			// The last row of a CVR or P-number wins (one statement cannot change a row twice).
			const units = [
				...new Map(parsed.registers.filter((r) => r.pnr).map((r) => [r.pnr, r])).values()
			];
			const withAddress = [
				...new Map(parsed.registers.filter((r) => !r.pnr).map((r) => [r.cvr, r])).values()
			];
			await upsertCompanies(tx, withAddress.map(companyColumns));
			await insertMissingCompanies(
				tx,
				units.map((r) => ({ ...companyColumns(r), municipalityCode: null, postalCode: null }))
			);
			await upsertProductionUnits(
				tx,
				units.map((r) => ({ pnr: r.pnr ?? '', cvr: r.cvr, municipalityCode: r.municipalityCode }))
			);
		} else if (cluster) {
			const scope = {
				importId: id,
				clusterId: cluster.id,
				year: options.year ?? 0,
				kind: options.kind
			};
			await insertListRows(
				tx,
				scope,
				parsed.list.map((r) => ({ cvr: r.cvr, pnr: r.pnr, activity: r.activity, onDate: r.onDate }))
			);
			await insertReviewRows(
				tx,
				parsed.review.map((r) => ({
					importId: id,
					line: r.line,
					name: r.name,
					municipalityCode: r.municipalityCode,
					givenCvr: r.givenCvr,
					suggestedCvr: suggestMatch(r, candidates)?.cvr ?? null
				}))
			);
		}
		await clearFigures(tx);
		await recordAudit(tx, ctx, {
			entity: 'company-import',
			entityId: id,
			action: 'create',
			after: { ...options, rowsRead: parsed.rowsRead, rowsAccepted, replaced }
		});
		return {
			importId: id,
			kind: options.kind,
			rowsRead: parsed.rowsRead,
			rowsAccepted,
			rowsForReview: parsed.review.length,
			encoding,
			delimiter,
			mapping: parsed.mapping,
			replaced
		};
	});
}
