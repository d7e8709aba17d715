/**
 * Imports of company data: a register extract (companies and production units by CVR) or a
 * cluster's member or participant list for a year, as CSV or XLSX. The file is streamed: its
 * encoding and delimiter are found in one pass, then it is parsed, checked row by row and
 * copied into the database (COPY) while it is read, all in one transaction. One bad row rejects
 * the file with the line and field named and the transaction is rolled back, so nothing is
 * written; a process killed half-way leaves the previous data as it was. A new list replaces
 * the cluster's earlier list for the same year, and the kept counts are brought up to date in
 * the same transaction.
 *
 * `importCompanyFile` reads as the import runs: the options, the source, the rows, the sink,
 * the finish. When the rows reach the database is the sink's business (`copyRows`).
 */
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { importFields } from '$lib/domain/companies/headers';
import { companyImportKinds } from '$lib/domain/companies/kinds';
import { normaliseName, suggestMatch } from '$lib/domain/companies/names';
import type { RowContext } from '$lib/domain/companies/rows';
import { NotFoundError, type FieldIssue } from '$lib/domain/errors';
import { copyRows, type CopyTarget, type WriteRows } from '../../db/bulk';
import type { Tx } from '../../db/client';
import { clearEveryonesFigures, clearFigures } from '../../db/queries/companies/cache';
import { inOrganisation, organisationInScope } from '../../db/scope';
import { getConfig } from '../../config';
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
import { finishProgress, isProgressToken, progressOf, reportProgress } from '../../import/progress';
import { sniff, type Sniffed } from '../../import/sniff';
import { sourceSize, type ImportSource } from '../../import/source';
import { SpreadsheetRejected, xlsxBatches } from '../../import/xlsx';
import { m, messageByKey } from '../../i18n';
import { parseInput } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import { scoped, type Ctx } from '../context';
import { postalCodeMunicipalities } from '../landscape';
import {
	IMPORT_LIMITS,
	checkRows,
	reject,
	type ImportKind,
	type Mapping,
	type ReadOutcome
} from './import-checks';

export { IMPORT_LIMITS, fieldName, type ImportKind, type Mapping } from './import-checks';

export const ImportOptionsSchema = z.object({
	kind: z.enum(companyImportKinds),
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

type Options = z.output<typeof ImportOptionsSchema>;

/** Checks and writes one file; all or nothing. `file` may be the file's bytes. */
export async function importCompanyFile(
	ctx: Ctx,
	file: ImportSource | Uint8Array,
	input: ImportOptions,
	onProgress?: (progress: ImportProgress) => void
): Promise<ImportSummary> {
	requireRole(ctx, 'analyst');
	const options = parseInput(ImportOptionsSchema, input, ctx.locale);
	const source = await companyFile(ctx, file, options.filename);
	// The request holds no transaction while the file arrives (hooks.server.ts): the plan and
	// the import's own transaction are scoped here.
	const plan = await scoped(ctx, (inScope) => planOf(inScope, options));
	const progress = tracker(source.totalBytes, onProgress);
	const organisation = ctx.scoped ? undefined : ctx.organisation;
	return copyRows(
		ctx.db,
		targetOf(options.kind),
		{
			before: (tx) => begin(tx, ctx, plan),
			read: (write) => readFile(ctx, plan, source, progress, write),
			after: (tx, outcome, replaced) => finish(tx, ctx, plan, source, outcome, replaced, progress)
		},
		organisation
			? (work) =>
					inOrganisation(ctx.db, organisation.id, work, { rowSecurity: getConfig().rowSecurity })
			: undefined
	);
}

/** The file, its size held to the limit, its format, encoding and delimiter found. */
interface CompanyFile {
	source: ImportSource;
	sniffed: Sniffed;
	totalBytes: number;
}

async function companyFile(
	ctx: Ctx,
	file: ImportSource | Uint8Array,
	filename: string
): Promise<CompanyFile> {
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
	const sniffed = await sniff(source);
	// A file named as a workbook is read as one, so a web page saved as "Excel" is refused as
	// such instead of being read as a CSV file of HTML.
	if (/\.xls[xm]?$/i.test(filename)) sniffed.format = 'xlsx';
	return { source, sniffed, totalBytes };
}

/** What the rows are checked against and written under, known before the file is read. */
interface Plan {
	options: Options;
	cluster: { id: number } | undefined;
	importId: number;
	organisationId: number;
	remembered: Mapping;
	rowContext: RowContext;
}

async function planOf(ctx: Ctx, options: Options): Promise<Plan> {
	const cluster = await clusterOf(ctx, options);
	const municipalities = await listMunicipalities(ctx.db);
	return {
		options,
		cluster,
		remembered: cluster ? ((await lastMappingOf(ctx.db, cluster.id)) ?? {}) : {},
		rowContext: {
			municipalities: new Set(municipalities.map((mu) => mu.code)),
			postalCodes: postalCodeMunicipalities()
		},
		// Reserved before the file is read: a list's rows carry it.
		importId: await reserveImportId(ctx.db),
		organisationId: await organisationInScope(ctx.db)
	};
}

async function clusterOf(ctx: Ctx, options: Options): Promise<{ id: number } | undefined> {
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

/** Where a file's rows go: a register extract to a staging table, a list to its fact table. */
const targetOf = (kind: ImportKind): CopyTarget =>
	kind === 'register'
		? { table: REGISTER_STAGE, columns: REGISTER_COPY_COLUMNS }
		: { table: 'company_list_rows', columns: LIST_COPY_COLUMNS };

interface Tracker {
	now: ImportProgress;
	tell(change: Partial<ImportProgress>): void;
}

function tracker(totalBytes: number, onProgress?: (progress: ImportProgress) => void): Tracker {
	const now: ImportProgress = { phase: 'reading', rows: 0, bytes: 0, totalBytes };
	return {
		now,
		tell(change) {
			Object.assign(now, change);
			onProgress?.({ ...now });
		}
	};
}

/** Everything before the rows: the old list out, the import in, the staging table. */
async function begin(tx: Tx, ctx: Ctx, { options, cluster, importId }: Plan): Promise<number> {
	const replaced =
		cluster && options.kind !== 'register'
			? await deleteListImports(tx, {
					clusterId: cluster.id,
					year: options.year ?? 0,
					kind: options.kind
				})
			: 0;
	await insertImport(tx, {
		id: importId,
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
}

/** Rows told between two progress reports while the file is read. */
const ROWS_PER_REPORT = 50_000;

/** The file's records checked and their rows handed to the sink; the file's problems thrown. */
async function readFile(
	ctx: Ctx,
	plan: Plan,
	file: CompanyFile,
	progress: Tracker,
	write: WriteRows
): Promise<ReadOutcome> {
	const { options, cluster } = plan;
	let told = 0;
	const outcome = await checkRows(
		ctx,
		recordsOf(ctx, file, (bytes) => (progress.now.bytes = bytes)),
		{
			kind: options.kind,
			mapping: options.mapping,
			remembered: plan.remembered,
			rowContext: plan.rowContext,
			listScope:
				cluster && options.kind !== 'register'
					? {
							organisationId: plan.organisationId,
							importId: plan.importId,
							clusterId: cluster.id,
							year: options.year ?? 0,
							kind: options.kind
						}
					: undefined,
			write,
			exactLines:
				file.sniffed.format === 'csv'
					? (lines) => csvLines(file.source, file.sniffed, lines)
					: undefined,
			onRows: (rows) => {
				if (rows - told < ROWS_PER_REPORT) return;
				told = rows;
				progress.tell({ rows });
			}
		}
	);
	progress.tell({ phase: 'saving', rows: outcome.rowsRead, bytes: file.totalBytes });
	return outcome;
}

/** The file's records, from the CSV parser or the XLSX reader; an unreadable file is refused. */
async function* recordsOf(
	ctx: Ctx,
	{ source, sniffed }: CompanyFile,
	onBytes: (bytes: number) => void
): AsyncGenerator<RecordBatch> {
	try {
		if (sniffed.format === 'xlsx') yield* xlsxBatches(source);
		else yield* csvBatches(source, sniffed, onBytes);
	} catch (err) {
		if (err instanceof CsvBroken)
			throw reject(ctx, [
				{
					path: [`line ${err.line}`],
					message: m.import_csv_broken(
						{ line: err.line, detail: err.message },
						{ locale: ctx.locale }
					)
				}
			]);
		if (err instanceof SpreadsheetRejected)
			throw reject(ctx, [
				{ path: ['file'], message: messageByKey(err.key, err.params, ctx.locale) ?? err.key }
			]);
		throw err;
	}
}

/** After the rows: the register merged or the review rows saved, the counts, the audit. */
async function finish(
	tx: Tx,
	ctx: Ctx,
	{ options, cluster, importId }: Plan,
	file: CompanyFile,
	outcome: ReadOutcome,
	replaced: number,
	progress: Tracker
): Promise<ImportSummary> {
	progress.tell({ phase: 'counting', rows: outcome.rowsRead, bytes: file.totalBytes });
	if (options.kind === 'register') await mergeRegisterStage(tx);
	else await saveReviewRows(tx, importId, outcome);
	await setImportCounts(tx, importId, {
		rowsRead: outcome.rowsRead,
		rowsAccepted: outcome.rowsAccepted,
		rowsForReview: outcome.review.length,
		mapping: outcome.mapping
	});
	if (cluster && options.year)
		await refreshPresence(tx, { clusterId: cluster.id, year: options.year });
	else await rebuildPresence(tx);
	// A register extract is shared: every organisation's counts may have changed.
	if (options.kind === 'register') await clearEveryonesFigures(tx);
	else await clearFigures(tx);
	await recordAudit(tx, ctx, {
		entity: 'company-import',
		entityId: importId,
		action: 'create',
		after: {
			...options,
			rowsRead: outcome.rowsRead,
			rowsAccepted: outcome.rowsAccepted,
			replaced
		}
	});
	return {
		importId,
		kind: options.kind,
		format: file.sniffed.format,
		rowsRead: outcome.rowsRead,
		rowsAccepted: outcome.rowsAccepted,
		rowsForReview: outcome.review.length,
		encoding: file.sniffed.encoding,
		delimiter: file.sniffed.format === 'xlsx' ? '' : file.sniffed.delimiter,
		mapping: outcome.mapping,
		replaced
	};
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

const userOf = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/** The progress of a user's running upload, for the page that started it. */
export function uploadProgress(ctx: Ctx, token: string | null): ImportProgress | null {
	requireRole(ctx, 'analyst');
	const user = userOf(ctx);
	return user && isProgressToken(token) ? progressOf(token, user) : null;
}

/** Runs `work` with a progress callback that the page can read under `token` while it runs. */
export async function withUploadProgress<T>(
	ctx: Ctx,
	token: string | null,
	work: (onProgress?: (progress: ImportProgress) => void) => Promise<T>
): Promise<T> {
	const user = userOf(ctx);
	if (!user || !isProgressToken(token)) return work();
	try {
		return await work(reportProgress(token, user));
	} finally {
		finishProgress(token);
	}
}
