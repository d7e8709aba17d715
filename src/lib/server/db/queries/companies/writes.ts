import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import { queryRows } from '../../rows';
import { companies, companyImports, companyListRows, companyReviewRows } from '../../schema';

/** Rows per INSERT statement: well under PostgreSQL's 65,535 parameters. */
const BATCH = 2000;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/**
 * An id for an import before its transaction opens, so its rows can be written out (as COPY
 * text naming the import) while the file is read. An import that fails leaves a gap.
 */
export async function reserveImportId(db: Db | Tx): Promise<number> {
	const [row] = await queryRows(
		db,
		sql`select nextval(pg_get_serial_sequence('company_imports', 'id'))::int as "id"`,
		z.object({ id: z.number().int() })
	);
	if (!row) throw new Error('no id from the company_imports sequence');
	return row.id;
}

/** The import's row, under the id reserved for it. */
export async function insertImport(
	tx: Db | Tx,
	values: typeof companyImports.$inferInsert & { id: number }
): Promise<void> {
	await tx.insert(companyImports).overridingSystemValue().values(values);
}

type ListScope = { clusterId: number; year: number; kind: 'members' | 'participants' };

/** The rows of `table` that belong to a cluster's list for a year and kind. */
const inScope = (table: typeof companyListRows | typeof companyImports, scope: ListScope) =>
	and(eq(table.clusterId, scope.clusterId), eq(table.year, scope.year), eq(table.kind, scope.kind));

/** Removes the earlier lists of a cluster, year and kind, and their rows. */
export async function deleteListImports(tx: Db | Tx, scope: ListScope): Promise<number> {
	await tx
		.delete(companyListRows)
		.where(and(ownedBy(companyListRows), inScope(companyListRows, scope)));
	const rows = await tx
		.delete(companyImports)
		.where(and(ownedBy(companyImports), inScope(companyImports, scope)))
		.returning({ id: companyImports.id });
	return rows.length;
}

/** The columns of a list row in COPY order: the organisation and the import's scope, then what the file gives. */
export const LIST_COPY_COLUMNS = [
	'organisation_id',
	'import_id',
	'cluster_id',
	'year',
	'kind',
	'cvr',
	'pnr',
	'activity',
	'on_date'
] as const;

/** The columns of a register extract's staging table, in COPY order. */
export const REGISTER_COPY_COLUMNS = [
	'cvr',
	'pnr',
	'name',
	'name_key',
	'municipality_code',
	'postal_code',
	'employee_band',
	'industry_code',
	'ad_protected'
] as const;

/**
 * A scratch table for a register extract, dropped at commit. `seq` keeps the file's order, so
 * the last row of a CVR or P-number wins, as when the extract is read top to bottom.
 */
export const REGISTER_STAGE = 'company_register_stage';

export async function createRegisterStage(tx: Tx): Promise<void> {
	await tx.execute(sql`create temp table company_register_stage (
		seq bigint generated always as identity, cvr text not null, pnr text, name text not null,
		name_key text not null, municipality_code text, postal_code text, employee_band text,
		industry_code text, ad_protected boolean not null) on commit drop`);
}

/**
 * Moves a staged extract into the register: a row without a P-number describes the company at
 * its registered address (added or updated); a row with one describes a production unit with
 * its own municipality (the company is added if unknown, never overwritten by it).
 */
export async function mergeRegisterStage(tx: Tx): Promise<void> {
	await tx.execute(sql`insert into companies (cvr, name, name_key, municipality_code, postal_code,
			employee_band, industry_code, ad_protected)
		select distinct on (cvr) cvr, name, name_key, municipality_code, postal_code, employee_band,
			industry_code, ad_protected
		from company_register_stage where pnr is null order by cvr, seq desc
		on conflict (cvr) do update set name = excluded.name, name_key = excluded.name_key,
			municipality_code = excluded.municipality_code, postal_code = excluded.postal_code,
			employee_band = excluded.employee_band, industry_code = excluded.industry_code,
			ad_protected = excluded.ad_protected, updated_at = now()`);
	await tx.execute(sql`insert into companies (cvr, name, name_key, employee_band, industry_code,
			ad_protected)
		select distinct on (cvr) cvr, name, name_key, employee_band, industry_code, ad_protected
		from company_register_stage where pnr is not null order by cvr, seq desc
		on conflict (cvr) do nothing`);
	await tx.execute(sql`insert into production_units (pnr, cvr, municipality_code)
		select distinct on (pnr) pnr, cvr, municipality_code
		from company_register_stage where pnr is not null order by pnr, seq desc
		on conflict (pnr) do update set cvr = excluded.cvr, municipality_code = excluded.municipality_code`);
}

/** The row counts of an import, known once its file has been read. */
export async function setImportCounts(
	tx: Tx,
	id: number,
	counts: {
		rowsRead: number;
		rowsAccepted: number;
		rowsForReview: number;
		mapping: Record<string, string>;
	}
): Promise<void> {
	await tx
		.update(companyImports)
		.set(counts)
		.where(and(ownedBy(companyImports), eq(companyImports.id, id)));
}

export async function insertReviewRows(
	tx: Db | Tx,
	rows: (typeof companyReviewRows.$inferInsert)[]
): Promise<void> {
	await inBatches(rows, (batch) => tx.insert(companyReviewRows).values(batch));
}

/** Register companies whose normalised name is one of `keys`, for suggesting matches. */
export async function companiesByNameKey(
	db: Db | Tx,
	keys: string[]
): Promise<{ cvr: string; name: string; municipalityCode: string | null }[]> {
	if (keys.length === 0) return [];
	return db
		.select({
			cvr: companies.cvr,
			name: companies.name,
			municipalityCode: companies.municipalityCode
		})
		.from(companies)
		.where(inArray(companies.nameKey, [...new Set(keys)]));
}

export async function countCompanies(db: Db | Tx): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(companies);
	return row?.n ?? 0;
}

/** The column mapping of a cluster's newest list, to reuse when its next list looks the same. */
export async function lastMappingOf(
	db: Db | Tx,
	clusterId: number
): Promise<Record<string, string> | null> {
	const [row] = await db
		.select({ mapping: companyImports.mapping })
		.from(companyImports)
		.where(and(ownedBy(companyImports), eq(companyImports.clusterId, clusterId)))
		.orderBy(sql`${companyImports.createdAt} desc, ${companyImports.id} desc`)
		.limit(1);
	return (row?.mapping as Record<string, string> | undefined) ?? null;
}
