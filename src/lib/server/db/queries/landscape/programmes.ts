import { asc, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { programmes } from '../../schema';

export type ProgrammeRow = typeof programmes.$inferSelect;

export async function listProgrammes(db: Db | Tx): Promise<ProgrammeRow[]> {
	return db.select().from(programmes).orderBy(asc(programmes.fromYear));
}

export async function upsertProgramme(
	db: Db | Tx,
	row: typeof programmes.$inferInsert
): Promise<void> {
	await db
		.insert(programmes)
		.values(row)
		.onConflictDoUpdate({
			target: programmes.code,
			set: {
				name: sql`excluded.name`,
				fromYear: sql`excluded.from_year`,
				toYear: sql`excluded.to_year`,
				designatedCount: sql`excluded.designated_count`,
				details: sql`excluded.details`
			}
		});
}
