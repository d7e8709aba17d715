import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { agreementDocuments } from '../../schema';
import { ownedBy } from '../../scope';

export type DocumentRow = typeof agreementDocuments.$inferSelect;
export type DocumentListRow = Omit<DocumentRow, 'content' | 'organisationId'>;

export async function listDocuments(db: Db | Tx, agreementId: number): Promise<DocumentListRow[]> {
	return db
		.select({
			id: agreementDocuments.id,
			agreementId: agreementDocuments.agreementId,
			filename: agreementDocuments.filename,
			mediaType: agreementDocuments.mediaType,
			size: agreementDocuments.size,
			sha256: agreementDocuments.sha256,
			uploadedByLabel: agreementDocuments.uploadedByLabel,
			uploadedAt: agreementDocuments.uploadedAt
		})
		.from(agreementDocuments)
		.where(and(ownedBy(agreementDocuments), eq(agreementDocuments.agreementId, agreementId)))
		.orderBy(asc(agreementDocuments.uploadedAt));
}

export async function findDocument(
	db: Db | Tx,
	agreementId: number,
	id: number
): Promise<DocumentRow | undefined> {
	const [row] = await db
		.select()
		.from(agreementDocuments)
		.where(
			and(
				ownedBy(agreementDocuments),
				eq(agreementDocuments.id, id),
				eq(agreementDocuments.agreementId, agreementId)
			)
		);
	return row;
}

export async function insertDocument(
	db: Db | Tx,
	row: typeof agreementDocuments.$inferInsert
): Promise<DocumentListRow> {
	const [inserted] = await db.insert(agreementDocuments).values(row).returning({
		id: agreementDocuments.id,
		agreementId: agreementDocuments.agreementId,
		filename: agreementDocuments.filename,
		mediaType: agreementDocuments.mediaType,
		size: agreementDocuments.size,
		sha256: agreementDocuments.sha256,
		uploadedByLabel: agreementDocuments.uploadedByLabel,
		uploadedAt: agreementDocuments.uploadedAt
	});
	if (!inserted) throw new Error('insert into agreement_documents returned no row');
	return inserted;
}

export async function deleteDocument(
	db: Db | Tx,
	agreementId: number,
	id: number
): Promise<DocumentListRow | undefined> {
	const [row] = await db
		.delete(agreementDocuments)
		.where(
			and(
				ownedBy(agreementDocuments),
				eq(agreementDocuments.id, id),
				eq(agreementDocuments.agreementId, agreementId)
			)
		)
		.returning({
			id: agreementDocuments.id,
			agreementId: agreementDocuments.agreementId,
			filename: agreementDocuments.filename,
			mediaType: agreementDocuments.mediaType,
			size: agreementDocuments.size,
			sha256: agreementDocuments.sha256,
			uploadedByLabel: agreementDocuments.uploadedByLabel,
			uploadedAt: agreementDocuments.uploadedAt
		});
	return row;
}
