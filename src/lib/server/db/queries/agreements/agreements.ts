import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import {
	agreementBudgetLines,
	agreements,
	clusters,
	collaborationModels,
	users
} from '../../schema';
import { ownedBy } from '../../scope';

export type AgreementRow = typeof agreements.$inferSelect;
type ModelTexts = (typeof collaborationModels.$inferSelect)['texts'];
export type BudgetLineRow = typeof agreementBudgetLines.$inferSelect;

export interface AgreementListRow extends AgreementRow {
	clusterSlug: string;
	clusterName: string;
	modelTexts: ModelTexts | null;
	responsibleEmail: string | null;
}

const listColumns = {
	agreement: agreements,
	clusterSlug: clusters.slug,
	clusterName: clusters.shortName,
	modelTexts: collaborationModels.texts,
	responsibleEmail: users.email
};

function flatten(row: {
	agreement: AgreementRow;
	clusterSlug: string;
	clusterName: string;
	modelTexts: ModelTexts | null;
	responsibleEmail: string | null;
}): AgreementListRow {
	return {
		...row.agreement,
		clusterSlug: row.clusterSlug,
		clusterName: row.clusterName,
		modelTexts: row.modelTexts,
		responsibleEmail: row.responsibleEmail
	};
}

export async function listAgreements(
	db: Db | Tx,
	filter: { regionCode?: string; status?: AgreementRow['status']; clusterId?: number }
): Promise<AgreementListRow[]> {
	const rows = await db
		.select(listColumns)
		.from(agreements)
		.innerJoin(clusters, eq(clusters.id, agreements.clusterId))
		.leftJoin(collaborationModels, eq(collaborationModels.code, agreements.modelCode))
		.leftJoin(users, eq(users.id, agreements.responsibleUserId))
		.where(
			and(
				ownedBy(agreements),
				filter.regionCode ? eq(agreements.regionCode, filter.regionCode) : undefined,
				filter.status ? eq(agreements.status, filter.status) : undefined,
				filter.clusterId ? eq(agreements.clusterId, filter.clusterId) : undefined
			)
		)
		.orderBy(desc(agreements.startsOn), asc(agreements.id));
	return rows.map(flatten);
}

export async function findAgreement(
	db: Db | Tx,
	id: number
): Promise<AgreementListRow | undefined> {
	const [row] = await db
		.select(listColumns)
		.from(agreements)
		.innerJoin(clusters, eq(clusters.id, agreements.clusterId))
		.leftJoin(collaborationModels, eq(collaborationModels.code, agreements.modelCode))
		.leftJoin(users, eq(users.id, agreements.responsibleUserId))
		.where(and(ownedBy(agreements), eq(agreements.id, id)));
	return row ? flatten(row) : undefined;
}

export async function insertAgreement(
	db: Db | Tx,
	row: typeof agreements.$inferInsert
): Promise<AgreementRow> {
	const [inserted] = await db.insert(agreements).values(row).returning();
	if (!inserted) throw new Error('insert into agreements returned no row');
	return inserted;
}

/** Updates the agreement only if it is still at `version`; undefined means someone saved first. */
export async function updateAgreementVersioned(
	db: Db | Tx,
	id: number,
	version: number,
	set: Partial<typeof agreements.$inferInsert>
): Promise<AgreementRow | undefined> {
	const [row] = await db
		.update(agreements)
		.set({ ...set, version: sql`${agreements.version} + 1`, updatedAt: new Date() })
		.where(and(ownedBy(agreements), eq(agreements.id, id), eq(agreements.version, version)))
		.returning();
	return row;
}

export async function deleteAgreement(db: Db | Tx, id: number): Promise<AgreementRow | undefined> {
	const [row] = await db
		.delete(agreements)
		.where(and(ownedBy(agreements), eq(agreements.id, id)))
		.returning();
	return row;
}

export async function listBudgetLines(
	db: Db | Tx,
	agreementIds: number[]
): Promise<BudgetLineRow[]> {
	if (agreementIds.length === 0) return [];
	return db
		.select()
		.from(agreementBudgetLines)
		.where(
			and(ownedBy(agreementBudgetLines), inArray(agreementBudgetLines.agreementId, agreementIds))
		)
		.orderBy(asc(agreementBudgetLines.year), asc(agreementBudgetLines.party));
}

export async function replaceBudgetLines(
	db: Db | Tx,
	agreementId: number,
	lines: Omit<typeof agreementBudgetLines.$inferInsert, 'agreementId'>[]
): Promise<void> {
	await db
		.delete(agreementBudgetLines)
		.where(and(ownedBy(agreementBudgetLines), eq(agreementBudgetLines.agreementId, agreementId)));
	if (lines.length > 0) {
		await db.insert(agreementBudgetLines).values(lines.map((line) => ({ ...line, agreementId })));
	}
}
