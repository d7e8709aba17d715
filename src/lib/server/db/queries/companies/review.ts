import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import { clusters, companyImports, companyListRows, companyReviewRows } from '../../schema';

export interface ReviewRow {
	id: number;
	importId: number;
	line: number;
	name: string;
	municipalityCode: string | null;
	givenCvr: string | null;
	suggestedCvr: string | null;
	clusterId: number | null;
	clusterName: string | null;
	year: number | null;
	kind: string;
}

export async function listOpenReviewRows(db: Db | Tx): Promise<ReviewRow[]> {
	return db
		.select({
			id: companyReviewRows.id,
			importId: companyReviewRows.importId,
			line: companyReviewRows.line,
			name: companyReviewRows.name,
			municipalityCode: companyReviewRows.municipalityCode,
			givenCvr: companyReviewRows.givenCvr,
			suggestedCvr: companyReviewRows.suggestedCvr,
			clusterId: companyImports.clusterId,
			clusterName: clusters.shortName,
			year: companyImports.year,
			kind: companyImports.kind
		})
		.from(companyReviewRows)
		.innerJoin(companyImports, eq(companyImports.id, companyReviewRows.importId))
		.leftJoin(clusters, eq(clusters.id, companyImports.clusterId))
		.where(
			and(ownedBy(companyReviewRows), ownedBy(companyImports), eq(companyReviewRows.status, 'open'))
		)
		.orderBy(companyReviewRows.importId, companyReviewRows.line);
}

export async function findOpenReviewRow(db: Db | Tx, id: number): Promise<ReviewRow | undefined> {
	return (await listOpenReviewRows(db)).find((r) => r.id === id);
}

/** Closes a review row; false when it was no longer open (someone decided first). */
export async function closeReviewRow(
	tx: Db | Tx,
	id: number,
	status: 'confirmed' | 'rejected',
	by: string
): Promise<boolean> {
	const rows = await tx
		.update(companyReviewRows)
		.set({ status, decidedByLabel: by })
		.where(
			and(
				ownedBy(companyReviewRows),
				eq(companyReviewRows.id, id),
				eq(companyReviewRows.status, 'open')
			)
		)
		.returning({ id: companyReviewRows.id });
	return rows.length > 0;
}

export async function insertConfirmedRow(
	tx: Db | Tx,
	values: typeof companyListRows.$inferInsert
): Promise<void> {
	await tx.insert(companyListRows).values(values);
}

export interface ImportListRow {
	id: number;
	kind: string;
	clusterName: string | null;
	year: number | null;
	filename: string;
	rowsRead: number;
	rowsAccepted: number;
	rowsForReview: number;
	createdByLabel: string;
	createdAt: Date;
}

export async function listRecentImports(db: Db | Tx, limit = 20): Promise<ImportListRow[]> {
	return db
		.select({
			id: companyImports.id,
			kind: companyImports.kind,
			clusterName: clusters.shortName,
			year: companyImports.year,
			filename: companyImports.filename,
			rowsRead: companyImports.rowsRead,
			rowsAccepted: companyImports.rowsAccepted,
			rowsForReview: companyImports.rowsForReview,
			createdByLabel: companyImports.createdByLabel,
			createdAt: companyImports.createdAt
		})
		.from(companyImports)
		.leftJoin(clusters, eq(clusters.id, companyImports.clusterId))
		.where(ownedBy(companyImports))
		.orderBy(desc(companyImports.createdAt), desc(companyImports.id))
		.limit(limit);
}
