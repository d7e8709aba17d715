import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { companies, companyImports, companyReviewRows, productionUnits } from '../../schema';

/** Rows per INSERT statement: well under PostgreSQL's 65,535 parameters. */
const BATCH = 2000;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function insertImport(
	tx: Db | Tx,
	values: typeof companyImports.$inferInsert
): Promise<{ id: number }> {
	const [row] = await tx.insert(companyImports).values(values).returning({ id: companyImports.id });
	if (!row) throw new Error('insert into company_imports returned nothing');
	return row;
}

/** Removes the earlier lists of a cluster, year and kind (their rows go with them). */
export async function deleteListImports(
	tx: Db | Tx,
	scope: { clusterId: number; year: number; kind: 'members' | 'participants' }
): Promise<number> {
	const rows = await tx
		.delete(companyImports)
		.where(
			and(
				eq(companyImports.clusterId, scope.clusterId),
				eq(companyImports.year, scope.year),
				eq(companyImports.kind, scope.kind)
			)
		)
		.returning({ id: companyImports.id });
	return rows.length;
}

type CompanyColumns = Omit<typeof companies.$inferInsert, 'updatedAt'>;

/** Companies as one array per column, for `unnest` (see `insertListRows`). */
function companyArrays(batch: CompanyColumns[]) {
	return sql`select * from unnest(
		${sql.param(batch.map((c) => c.cvr))}::text[],
		${sql.param(batch.map((c) => c.name))}::text[],
		${sql.param(batch.map((c) => c.nameKey))}::text[],
		${sql.param(batch.map((c) => c.municipalityCode ?? null))}::text[],
		${sql.param(batch.map((c) => c.postalCode ?? null))}::text[],
		${sql.param(batch.map((c) => c.employeeBand ?? null))}::text[],
		${sql.param(batch.map((c) => c.industryCode ?? null))}::text[],
		${sql.param(batch.map((c) => c.adProtected ?? false))}::boolean[])`;
}

const COMPANY_COLUMNS = sql`(cvr, name, name_key, municipality_code, postal_code, employee_band, industry_code, ad_protected)`;

/** Adds or updates companies by CVR number; the newest extract wins. CVR numbers are distinct. */
export async function upsertCompanies(tx: Db | Tx, rows: CompanyColumns[]): Promise<void> {
	for (let i = 0; i < rows.length; i += ARRAY_BATCH) {
		await tx.execute(sql`insert into companies ${COMPANY_COLUMNS}
			${companyArrays(rows.slice(i, i + ARRAY_BATCH))}
			on conflict (cvr) do update set name = excluded.name, name_key = excluded.name_key,
				municipality_code = excluded.municipality_code, postal_code = excluded.postal_code,
				employee_band = excluded.employee_band, industry_code = excluded.industry_code,
				ad_protected = excluded.ad_protected, updated_at = now()`);
	}
}

/** Adds companies known only through a production unit, leaving known ones as they are. */
export async function insertMissingCompanies(tx: Db | Tx, rows: CompanyColumns[]): Promise<void> {
	for (let i = 0; i < rows.length; i += ARRAY_BATCH) {
		await tx.execute(sql`insert into companies ${COMPANY_COLUMNS}
			${companyArrays(rows.slice(i, i + ARRAY_BATCH))}
			on conflict (cvr) do nothing`);
	}
}

/** Adds or updates production units; P-numbers are distinct. */
export async function upsertProductionUnits(
	tx: Db | Tx,
	rows: (typeof productionUnits.$inferInsert)[]
): Promise<void> {
	for (let i = 0; i < rows.length; i += ARRAY_BATCH) {
		const batch = rows.slice(i, i + ARRAY_BATCH);
		await tx.execute(sql`insert into production_units (pnr, cvr, municipality_code)
			select * from unnest(
				${sql.param(batch.map((u) => u.pnr))}::text[],
				${sql.param(batch.map((u) => u.cvr))}::text[],
				${sql.param(batch.map((u) => u.municipalityCode ?? null))}::text[])
			on conflict (pnr) do update set cvr = excluded.cvr, municipality_code = excluded.municipality_code`);
	}
}

/** Rows per statement when the rows travel as arrays: one parameter per column. */
const ARRAY_BATCH = 50_000;

/**
 * A list's rows, sent as one array per column and unnested by the database: building a
 * many-row VALUES statement costs more than the insert itself at this size.
 */
export async function insertListRows(
	tx: Db | Tx,
	scope: { importId: number; clusterId: number; year: number; kind: 'members' | 'participants' },
	rows: { cvr: string; pnr: string | null; activity: string | null; onDate: string | null }[]
): Promise<void> {
	for (let i = 0; i < rows.length; i += ARRAY_BATCH) {
		const batch = rows.slice(i, i + ARRAY_BATCH);
		await tx.execute(sql`insert into company_list_rows
			(import_id, cluster_id, year, kind, cvr, pnr, activity, on_date)
			select ${scope.importId}, ${scope.clusterId}, ${scope.year}, ${scope.kind}, r.cvr, r.pnr, r.activity, r.on_date
			from unnest(
				${sql.param(batch.map((r) => r.cvr))}::text[],
				${sql.param(batch.map((r) => r.pnr))}::text[],
				${sql.param(batch.map((r) => r.activity))}::text[],
				${sql.param(batch.map((r) => r.onDate))}::date[]
			) as r(cvr, pnr, activity, on_date)`);
	}
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
		.where(eq(companyImports.clusterId, clusterId))
		.orderBy(sql`${companyImports.createdAt} desc, ${companyImports.id} desc`)
		.limit(1);
	return (row?.mapping as Record<string, string> | undefined) ?? null;
}
