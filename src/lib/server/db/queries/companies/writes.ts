import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import {
	companies,
	companyImports,
	companyListRows,
	companyReviewRows,
	productionUnits
} from '../../schema';

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

/** Adds or updates companies by CVR number; the newest extract wins. */
export async function upsertCompanies(
	tx: Db | Tx,
	rows: (typeof companies.$inferInsert)[]
): Promise<void> {
	await inBatches(rows, (batch) =>
		tx
			.insert(companies)
			.values(batch)
			.onConflictDoUpdate({
				target: companies.cvr,
				set: {
					name: sql`excluded.name`,
					nameKey: sql`excluded.name_key`,
					municipalityCode: sql`excluded.municipality_code`,
					postalCode: sql`excluded.postal_code`,
					employeeBand: sql`excluded.employee_band`,
					industryCode: sql`excluded.industry_code`,
					adProtected: sql`excluded.ad_protected`,
					updatedAt: sql`now()`
				}
			})
	);
}

/** Adds companies known only through a production unit, leaving known ones as they are. */
export async function insertMissingCompanies(
	tx: Db | Tx,
	rows: (typeof companies.$inferInsert)[]
): Promise<void> {
	await inBatches(rows, (batch) => tx.insert(companies).values(batch).onConflictDoNothing());
}

export async function upsertProductionUnits(
	tx: Db | Tx,
	rows: (typeof productionUnits.$inferInsert)[]
): Promise<void> {
	await inBatches(rows, (batch) =>
		tx
			.insert(productionUnits)
			.values(batch)
			.onConflictDoUpdate({
				target: productionUnits.pnr,
				set: { cvr: sql`excluded.cvr`, municipalityCode: sql`excluded.municipality_code` }
			})
	);
}

export async function insertListRows(
	tx: Db | Tx,
	rows: (typeof companyListRows.$inferInsert)[]
): Promise<void> {
	await inBatches(rows, (batch) => tx.insert(companyListRows).values(batch));
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
