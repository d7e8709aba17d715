import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import { clusters, recommendationDecisions } from '../../schema';

export type DecisionRow = typeof recommendationDecisions.$inferSelect;

export async function insertDecision(
	db: Db | Tx,
	row: typeof recommendationDecisions.$inferInsert
): Promise<DecisionRow> {
	const [inserted] = await db.insert(recommendationDecisions).values(row).returning();
	if (!inserted) throw new Error('insert into recommendation_decisions returned no row');
	return inserted;
}

/** Every decision of a region, newest first (the history per cluster). */
export async function listDecisions(
	db: Db | Tx,
	regionCode: string
): Promise<(DecisionRow & { clusterSlug: string })[]> {
	const rows = await db
		.select({ decision: recommendationDecisions, clusterSlug: clusters.slug })
		.from(recommendationDecisions)
		.innerJoin(clusters, eq(clusters.id, recommendationDecisions.clusterId))
		.where(
			and(ownedBy(recommendationDecisions), eq(recommendationDecisions.regionCode, regionCode))
		)
		.orderBy(
			desc(recommendationDecisions.decidedAt),
			desc(recommendationDecisions.id),
			asc(clusters.slug)
		);
	return rows.map((row) => ({ ...row.decision, clusterSlug: row.clusterSlug }));
}

export async function findDecision(
	db: Db | Tx,
	id: number
): Promise<(DecisionRow & { clusterSlug: string }) | undefined> {
	const [row] = await db
		.select({ decision: recommendationDecisions, clusterSlug: clusters.slug })
		.from(recommendationDecisions)
		.innerJoin(clusters, eq(clusters.id, recommendationDecisions.clusterId))
		.where(and(ownedBy(recommendationDecisions), eq(recommendationDecisions.id, id)));
	return row ? { ...row.decision, clusterSlug: row.clusterSlug } : undefined;
}
