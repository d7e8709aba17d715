/**
 * Imports of company data: a register extract (companies and production units by CVR) or a
 * cluster's member or participant list for a year, as CSV or XLSX. The file is streamed: its
 * encoding and delimiter are found in one pass, then it is parsed, checked row by row and
 * copied into the database (COPY) while it is read, all in one transaction. One bad row rejects
 * the file with the line and field named and the transaction is rolled back, so nothing is
 * written; a process killed half-way leaves the previous data as it was. A new list replaces
 * the cluster's earlier list for the same year, and the kept counts are brought up to date in
 * the same transaction.
 */
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { importFields } from '$lib/domain/companies/headers';
import { normaliseName, suggestMatch } from '$lib/domain/companies/names';
import type { RowContext } from '$lib/domain/companies/rows';
import { NotFoundError, type FieldIssue } from '$lib/domain/errors';
import { HeldCopy, copiesWhileReading, copyInto } from '../../db/bulk';
import type { Tx } from '../../db/client';
import { clearFigures } from '../../db/queries/companies/cache';
import { refreshPresence, rebuildPresence } from '../../db/queries/companies/presence';
import {
	LIST_COPY_COLUMNS,
	REGISTER_COPY_COLUMNS,
	companiesByNameKey,
	REGISTER_STAGE,
	createRegisterStage,
	deleteListImports,
	insertImport,
	insertReviewRows,
	lastMappingOf,
	mergeRegisterStage,
	reserveImportId,
	setImportCounts
} from '../../db/queries/companies/writes';
import { findClusterBySlug } from '../../db/queries/landscape/clusters';
import { listMunicipalities } from '../../db/queries/reference/geography';
import { CsvBroken, csvBatches, csvLines, type RecordBatch } from '../../import/csv';
import { sniff, type Sniffed } from '../../import/sniff';
import { m } from '../../i18n';
import { sourceSize, type ImportSource } from '../../import/source';
import { parseInput } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import {
	IMPORT_LIMITS,
	readRows,
	reject,
	type ImportKind,
	type Mapping,
	type ReadOutcome
} from './import-rows';
import type { Ctx } from '../context';
import { postalCodeMunicipalities } from '../landscape';
import { xlsxBatches } from './import-xlsx';

export { IMPORT_LIMITS, fieldName } from './import-rows';

export const ImportOptionsSchema = z.object({
	kind: z.enum(['register', 'members', 'participants']),
	cluster: z.string().trim().min(1).max(100).optional(),
	year: z.coerce.number().int().min(2000).max(2100).optional(),
	filename: z.string().trim().min(1).max(255),
	/** Field → header of the column to read it from, overriding recognition. */
	mapping: z.partialRecord(z.enum(importFields), z.string().max(200)).default({})
});
export type ImportOptions = z.input<typeof ImportOptionsSchema>;

/** How far an import has come: the page and the CLI show it while a large file is read. */
export interface ImportProgress {
	phase: 'reading' | 'saving' | 'counting';
	rows: number;
	bytes: number;
	totalBytes: number;
}

export interface ImportSummary {
	importId: number;
	kind: ImportKind;
	format: 'csv' | 'xlsx';
	rowsRead: number;
	rowsAccepted: number;
	rowsForReview: number;
	encoding: 'utf-8' | 'latin-1';
	delimiter: string;
	mapping: Mapping;
	replaced: number;
}

type Progress = (progress: ImportProgress) => void;

async function clusterOf(
	ctx: Ctx,
	options: z.output<typeof ImportOptionsSchema>
): Promise<{ id: number } | undefined> {
	if (options.kind === 'register') return undefined;
	const o = { locale: ctx.locale };
	const issues: FieldIssue[] = [];
	if (!options.cluster) issues.push({ path: ['cluster'], message: m.import_cluster_needed({}, o) });
	if (!options.year) issues.push({ path: ['year'], message: m.import_year_needed({}, o) });
	if (issues.length) throw reject(ctx, issues);
	const cluster = await findClusterBySlug(ctx.db, options.cluster ?? '');
	if (!cluster)
		throw new NotFoundError(m.landscape_cluster_not_found({ slug: options.cluster ?? '' }, o));
	return cluster;
}

/** The file's records, from the CSV parser or the XLSX reader; a broken CSV names its line. */
async function* recordsOf(
	ctx: Ctx,
	source: ImportSource,
	sniffed: Sniffed,
	onBytes: (bytes: number) => void
): AsyncGenerator<RecordBatch> {
	if (sniffed.format === 'xlsx') {
		yield* xlsxBatches(ctx, source);
		return;
	}
	try {
		yield* csvBatches(source, sniffed, onBytes);
	} catch (err) {
		if (!(err instanceof CsvBroken)) throw err;
		throw reject(ctx, [
			{
				path: [`line ${err.line}`],
				message: m.import_csv_broken(
					{ line: err.line, detail: err.message },
					{ locale: ctx.locale }
				)
			}
		]);
	}
}

/** Checks and writes one file; all or nothing. `source` may be the file's bytes. */
export async function importCompanyFile(
	ctx: Ctx,
	file: ImportSource | Uint8Array,
	input: ImportOptions,
	onProgress?: Progress
): Promise<ImportSummary> {
	requireRole(ctx, 'analyst');
	const options = parseInput(ImportOptionsSchema, input, ctx.locale);
	const source: ImportSource = file instanceof Uint8Array ? { bytes: file } : file;
	const totalBytes = sourceSize(source);
	if (totalBytes > IMPORT_LIMITS.bytes)
		throw reject(ctx, [
			{
				path: ['file'],
				message: m.import_too_large(
					{ max: `${IMPORT_LIMITS.bytes / 1024 / 1024} MB` },
					{ locale: ctx.locale }
				)
			}
		]);
	const cluster = await clusterOf(ctx, options);
	const sniffed = await sniff(source);
	// A file named as a workbook is read as one, so a web page saved as "Excel" is refused as
	// such instead of being read as a CSV file of HTML.
	if (/\.xls[xm]?$/i.test(options.filename)) sniffed.format = 'xlsx';
	const municipalities = await listMunicipalities(ctx.db);
	const rowContext: RowContext = {
		municipalities: new Set(municipalities.map((mu) => mu.code)),
		postalCodes: postalCodeMunicipalities()
	};
	const remembered = cluster ? ((await lastMappingOf(ctx.db, cluster.id)) ?? {}) : {};
	const progress = { phase: 'reading', rows: 0, bytes: 0, totalBytes } as ImportProgress;
	const tell = (change: Partial<ImportProgress>) => {
		Object.assign(progress, change);
		onProgress?.({ ...progress });
	};
	const id = await reserveImportId(ctx.db);
	const table = options.kind === 'register' ? REGISTER_STAGE : 'company_list_rows';
	const columns = options.kind === 'register' ? REGISTER_COPY_COLUMNS : LIST_COPY_COLUMNS;
	let lastRows = 0;
	const read = (write: (text: string) => Promise<void>) =>
		readRows(
			ctx,
			recordsOf(ctx, source, sniffed, (bytes) => (progress.bytes = bytes)),
			{
				kind: options.kind,
				mapping: options.mapping,
				remembered,
				rowContext,
				listScope: cluster ? `${id}\t${cluster.id}\t${options.year}\t${options.kind}\t` : '',
				write,
				exactLines:
					sniffed.format === 'csv' ? (lines) => csvLines(source, sniffed, lines) : undefined,
				onRows: (rows) => {
					if (rows - lastRows < 50_000) return;
					lastRows = rows;
					tell({ rows });
				}
			}
		);
	/** Everything but the rows themselves: the old list out, the import in, the counts. */
	const prepare = async (tx: Tx) => {
		const replaced =
			cluster && options.kind !== 'register'
				? await deleteListImports(tx, {
						clusterId: cluster.id,
						year: options.year ?? 0,
						kind: options.kind
					})
				: 0;
		await insertImport(tx, {
			id,
			kind: options.kind,
			clusterId: cluster?.id ?? null,
			year: options.year ?? null,
			filename: options.filename,
			rowsRead: 0,
			rowsAccepted: 0,
			mapping: {},
			createdByLabel: actorLabel(ctx.actor)
		});
		if (options.kind === 'register') await createRegisterStage(tx);
		return replaced;
	};
	const finish = async (tx: Tx, outcome: ReadOutcome, replaced: number) => {
		tell({ phase: 'counting', rows: outcome.rowsRead, bytes: totalBytes });
		if (options.kind === 'register') await mergeRegisterStage(tx);
		else await saveReviewRows(tx, id, outcome);
		await setImportCounts(tx, id, {
			rowsRead: outcome.rowsRead,
			rowsAccepted: outcome.rowsAccepted,
			rowsForReview: outcome.review.length,
			mapping: outcome.mapping
		});
		if (cluster && options.year)
			await refreshPresence(tx, { clusterId: cluster.id, year: options.year });
		else await rebuildPresence(tx);
		await clearFigures(tx);
		await recordAudit(tx, ctx, {
			entity: 'company-import',
			entityId: id,
			action: 'create',
			after: {
				...options,
				rowsRead: outcome.rowsRead,
				rowsAccepted: outcome.rowsAccepted,
				replaced
			}
		});
		return {
			importId: id,
			kind: options.kind,
			format: sniffed.format,
			rowsRead: outcome.rowsRead,
			rowsAccepted: outcome.rowsAccepted,
			rowsForReview: outcome.review.length,
			encoding: sniffed.encoding,
			delimiter: sniffed.format === 'xlsx' ? '' : sniffed.delimiter,
			mapping: outcome.mapping,
			replaced
		};
	};
	if (!copiesWhileReading(ctx.db)) {
		const held = new HeldCopy();
		const outcome = await read((text) => held.write(text));
		tell({ phase: 'saving', rows: outcome.rowsRead, bytes: totalBytes });
		return ctx.db.transaction(async (tx) => {
			const replaced = await prepare(tx);
			await held.copyInto(tx, table, columns);
			return finish(tx, outcome, replaced);
		});
	}
	return ctx.db.transaction(async (tx) => {
		const replaced = await prepare(tx);
		const sink = copyInto(tx, table, columns);
		let outcome: ReadOutcome;
		try {
			outcome = await read((text) => sink.write(text));
			tell({ phase: 'saving', rows: outcome.rowsRead, bytes: totalBytes });
			await sink.end();
		} catch (err) {
			await sink.abort();
			throw err;
		}
		return finish(tx, outcome, replaced);
	});
}

/** Rows without a valid CVR number, each with a suggested company by name and municipality. */
async function saveReviewRows(tx: Tx, importId: number, read: ReadOutcome): Promise<void> {
	if (read.review.length === 0) return;
	const candidates = await companiesByNameKey(
		tx,
		read.review.map((r) => normaliseName(r.name))
	);
	await insertReviewRows(
		tx,
		read.review.map((r) => ({
			importId,
			line: r.line,
			name: r.name,
			municipalityCode: r.municipalityCode,
			givenCvr: r.givenCvr,
			suggestedCvr: suggestMatch(r, candidates)?.cvr ?? null
		}))
	);
}
