import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { actors, municipalities, regions } from '../../schema';

export type RegionRow = typeof regions.$inferSelect;
export type MunicipalityRow = typeof municipalities.$inferSelect;
export type ActorRow = typeof actors.$inferSelect;

export async function upsertRegions(
	db: Db | Tx,
	rows: { code: string; name: string }[]
): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insert(regions)
		.values(rows.map((row) => ({ ...row, origin: 'reference' as const })))
		.onConflictDoUpdate({
			target: regions.code,
			set: { name: sql`excluded.name` },
			setWhere: sql`${regions.origin} = 'reference'`
		});
}

export async function upsertMunicipalities(
	db: Db | Tx,
	rows: { code: string; name: string; regionCode: string }[]
): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insert(municipalities)
		.values(rows.map((row) => ({ ...row, origin: 'reference' as const })))
		.onConflictDoUpdate({
			target: municipalities.code,
			set: { name: sql`excluded.name`, regionCode: sql`excluded.region_code` },
			setWhere: sql`${municipalities.origin} = 'reference'`
		});
}

/** Inserts new reference actors and refreshes those no user has edited. */
export async function upsertReferenceActors(
	db: Db | Tx,
	rows: Omit<typeof actors.$inferInsert, 'origin' | 'edited'>[]
): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insert(actors)
		.values(rows.map((row) => ({ ...row, origin: 'reference' as const })))
		.onConflictDoUpdate({
			target: actors.slug,
			set: {
				name: sql`excluded.name`,
				kind: sql`excluded.kind`,
				regionCode: sql`excluded.region_code`,
				municipalityCode: sql`excluded.municipality_code`,
				note: sql`excluded.note`,
				source: sql`excluded.source`,
				surveyRoles: sql`excluded.survey_roles`
			},
			setWhere: sql`${actors.edited} = false`
		});
}

export async function listRegions(db: Db | Tx): Promise<RegionRow[]> {
	return db.select().from(regions).orderBy(asc(regions.code));
}

export async function listMunicipalities(db: Db | Tx): Promise<MunicipalityRow[]> {
	return db.select().from(municipalities).orderBy(asc(municipalities.name));
}

export async function listActorsOfRegion(db: Db | Tx, regionCode: string): Promise<ActorRow[]> {
	return db
		.select()
		.from(actors)
		.where(eq(actors.regionCode, regionCode))
		.orderBy(asc(actors.name));
}
