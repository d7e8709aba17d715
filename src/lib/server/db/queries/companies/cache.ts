import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { JsonValue } from '$lib/domain/json';
import type { Db, Tx } from '../../client';
import { asOwner, ownedBy, scopeSql } from '../../scope';
import { companyStatsCache } from '../../schema';
import { queryRows } from '../../rows';

export async function cachedFigure(
	db: Db | Tx,
	regionCode: string,
	key: string
): Promise<JsonValue | undefined> {
	const [row] = await db
		.select({ data: companyStatsCache.data })
		.from(companyStatsCache)
		.where(
			and(
				ownedBy(companyStatsCache),
				eq(companyStatsCache.regionCode, regionCode),
				eq(companyStatsCache.key, key)
			)
		);
	return row?.data;
}

export async function storeFigure(
	db: Db | Tx,
	regionCode: string,
	key: string,
	data: JsonValue
): Promise<void> {
	await db
		.insert(companyStatsCache)
		.values({ regionCode, key, data })
		.onConflictDoUpdate({
			target: [
				companyStatsCache.organisationId,
				companyStatsCache.regionCode,
				companyStatsCache.key
			],
			set: { data: sql`excluded.data`, computedAt: sql`now()` },
			setWhere: ownedBy(companyStatsCache)
		});
}

/** Forgets the organisation's computed counts; in the transaction of whatever changed its lists. */
export async function clearFigures(tx: Db | Tx): Promise<void> {
	await tx.delete(companyStatsCache).where(ownedBy(companyStatsCache));
}

/**
 * Forgets every organisation's counts, after a register extract (shared by all) moved
 * companies. As the owner: row-level security would limit the delete to one organisation.
 */
export async function clearEveryonesFigures(tx: Tx): Promise<void> {
	await asOwner(tx, () => tx.execute(sql`delete from company_stats_cache`));
}

/**
 * A fingerprint of the lists: it changes with every import and review decision, so a cached
 * count computed from older lists is never read, even when it was stored after a change.
 */
export async function listsVersion(db: Db | Tx): Promise<string> {
	const [row] = await queryRows(
		db,
		sql`select concat_ws('.',
			(select coalesce(max(id), 0) from company_imports i where i.organisation_id = ${scopeSql}),
			(select count(*) from company_imports i where i.organisation_id = ${scopeSql}),
			(select count(*) from company_review_rows r
				where r.organisation_id = ${scopeSql} and r.status <> 'open')) as v`,
		z.object({ v: z.string() })
	);
	return row?.v ?? '0';
}
