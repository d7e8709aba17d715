import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { agreementReviews, followUpReminders } from '../../schema';
import { ownedBy } from '../../scope';

export type ReviewRow = typeof agreementReviews.$inferSelect;

export async function listReviews(db: Db | Tx, agreementIds: number[]): Promise<ReviewRow[]> {
	if (agreementIds.length === 0) return [];
	return db
		.select()
		.from(agreementReviews)
		.where(and(ownedBy(agreementReviews), inArray(agreementReviews.agreementId, agreementIds)))
		.orderBy(asc(agreementReviews.year));
}

/** Inserts or replaces the review of a year (one per agreement and year). */
export async function upsertReview(
	db: Db | Tx,
	row: typeof agreementReviews.$inferInsert
): Promise<ReviewRow> {
	const [saved] = await db
		.insert(agreementReviews)
		.values(row)
		.onConflictDoUpdate({
			target: [agreementReviews.agreementId, agreementReviews.year],
			set: {
				achieved: row.achieved,
				decision: row.decision,
				note: row.note,
				decidedByLabel: row.decidedByLabel,
				decidedAt: sql`now()`
			},
			setWhere: ownedBy(agreementReviews)
		})
		.returning();
	if (!saved) throw new Error('saving a review returned no row');
	return saved;
}

/** Records that a reminder went out; false when it already had (so it is sent once). */
export async function claimReminder(db: Db | Tx, itemKey: string): Promise<boolean> {
	const rows = await db
		.insert(followUpReminders)
		.values({ itemKey })
		.onConflictDoNothing()
		.returning({ id: followUpReminders.id });
	return rows.length > 0;
}
