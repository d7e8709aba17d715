import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import { clusters, fitOverrides } from '../../schema';

export type FitOverrideRow = typeof fitOverrides.$inferSelect;

export async function listFitOverrides(
	db: Db | Tx,
	strategyId: number
): Promise<(FitOverrideRow & { clusterSlug: string })[]> {
	const rows = await db
		.select({ override: fitOverrides, clusterSlug: clusters.slug })
		.from(fitOverrides)
		.innerJoin(clusters, eq(clusters.id, fitOverrides.clusterId))
		.where(and(ownedBy(fitOverrides), eq(fitOverrides.strategyId, strategyId)))
		.orderBy(asc(fitOverrides.id));
	return rows.map((row) => ({ ...row.override, clusterSlug: row.clusterSlug }));
}

export async function findFitOverride(
	db: Db | Tx,
	strategyId: number,
	clusterId: number,
	effortCode: string
): Promise<FitOverrideRow | undefined> {
	const [row] = await db
		.select()
		.from(fitOverrides)
		.where(
			and(
				ownedBy(fitOverrides),
				eq(fitOverrides.strategyId, strategyId),
				eq(fitOverrides.clusterId, clusterId),
				eq(fitOverrides.effortCode, effortCode)
			)
		);
	return row;
}

export async function upsertFitOverride(
	db: Db | Tx,
	row: typeof fitOverrides.$inferInsert
): Promise<FitOverrideRow> {
	const [saved] = await db
		.insert(fitOverrides)
		.values(row)
		.onConflictDoUpdate({
			target: [fitOverrides.strategyId, fitOverrides.clusterId, fitOverrides.effortCode],
			set: {
				score: row.score,
				reason: row.reason,
				decidedByLabel: row.decidedByLabel,
				decidedAt: new Date()
			},
			setWhere: ownedBy(fitOverrides)
		})
		.returning();
	if (!saved) throw new Error('saving a fit override returned no row');
	return saved;
}

export async function deleteFitOverride(
	db: Db | Tx,
	id: number
): Promise<FitOverrideRow | undefined> {
	const [row] = await db
		.delete(fitOverrides)
		.where(and(ownedBy(fitOverrides), eq(fitOverrides.id, id)))
		.returning();
	return row;
}
