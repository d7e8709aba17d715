import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import { strategies, strategyVersions } from '../../schema';

export type StrategyRow = typeof strategies.$inferSelect;
export type StrategyVersionRow = typeof strategyVersions.$inferSelect;

export async function findStrategy(
	db: Db | Tx,
	regionCode: string
): Promise<StrategyRow | undefined> {
	const [row] = await db
		.select()
		.from(strategies)
		.where(and(ownedBy(strategies), eq(strategies.regionCode, regionCode)));
	return row;
}

/** Creates the region's strategy, or returns the one that exists. */
export async function ensureStrategy(
	db: Db | Tx,
	regionCode: string,
	ownerSlug: string | null
): Promise<StrategyRow> {
	await db.insert(strategies).values({ regionCode, ownerSlug }).onConflictDoNothing();
	const row = await findStrategy(db, regionCode);
	if (!row) throw new Error(`strategy for ${regionCode} was not created`);
	return row;
}

export async function latestStrategyVersion(
	db: Db | Tx,
	strategyId: number
): Promise<StrategyVersionRow | undefined> {
	const [row] = await db
		.select()
		.from(strategyVersions)
		.where(and(ownedBy(strategyVersions), eq(strategyVersions.strategyId, strategyId)))
		.orderBy(desc(strategyVersions.version))
		.limit(1);
	return row;
}

export async function findStrategyVersion(
	db: Db | Tx,
	strategyId: number,
	version: number
): Promise<StrategyVersionRow | undefined> {
	const [row] = await db
		.select()
		.from(strategyVersions)
		.where(
			and(
				ownedBy(strategyVersions),
				eq(strategyVersions.strategyId, strategyId),
				eq(strategyVersions.version, version)
			)
		);
	return row;
}

export type StrategyVersionListRow = Pick<
	StrategyVersionRow,
	'id' | 'version' | 'isExample' | 'createdByLabel' | 'createdAt'
>;

export async function listStrategyVersions(
	db: Db | Tx,
	strategyId: number
): Promise<StrategyVersionListRow[]> {
	return db
		.select({
			id: strategyVersions.id,
			version: strategyVersions.version,
			isExample: strategyVersions.isExample,
			createdByLabel: strategyVersions.createdByLabel,
			createdAt: strategyVersions.createdAt
		})
		.from(strategyVersions)
		.where(and(ownedBy(strategyVersions), eq(strategyVersions.strategyId, strategyId)))
		.orderBy(desc(strategyVersions.version));
}

export async function insertStrategyVersion(
	db: Db | Tx,
	row: typeof strategyVersions.$inferInsert
): Promise<StrategyVersionRow> {
	const [inserted] = await db.insert(strategyVersions).values(row).returning();
	if (!inserted) throw new Error('insert into strategy_versions returned no row');
	return inserted;
}
