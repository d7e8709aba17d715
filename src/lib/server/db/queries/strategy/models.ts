import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { collaborationModels } from '../../schema';

export type ModelRow = typeof collaborationModels.$inferSelect;
export type ModelColumns = Pick<
	ModelRow,
	| 'code'
	| 'texts'
	| 'contributions'
	| 'typicalMonths'
	| 'suitsStages'
	| 'suitsPresence'
	| 'checklist'
>;

/** The columns a catalogue model is stored in, from a validated model (extra fields dropped). */
export function modelColumns(model: ModelColumns): ModelColumns {
	const { code, texts, contributions, typicalMonths, suitsStages, suitsPresence, checklist } =
		model;
	return { code, texts, contributions, typicalMonths, suitsStages, suitsPresence, checklist };
}

export async function listModels(db: Db | Tx): Promise<ModelRow[]> {
	return db
		.select()
		.from(collaborationModels)
		.orderBy(asc(collaborationModels.sortOrder), asc(collaborationModels.code));
}

export async function findModel(db: Db | Tx, code: string): Promise<ModelRow | undefined> {
	const [row] = await db
		.select()
		.from(collaborationModels)
		.where(eq(collaborationModels.code, code));
	return row;
}

/**
 * Loads a catalogue model from the seed file. A model a user has edited keeps the user's
 * version; an unedited one follows the file.
 */
export async function upsertSeedModel(
	db: Db | Tx,
	row: Omit<typeof collaborationModels.$inferInsert, 'origin' | 'edited' | 'version'>
): Promise<void> {
	const [existing] = await db
		.select({ edited: collaborationModels.edited })
		.from(collaborationModels)
		.where(eq(collaborationModels.code, row.code));
	if (existing?.edited) return;
	await db
		.insert(collaborationModels)
		.values({ ...row, origin: 'reference' })
		.onConflictDoUpdate({
			target: collaborationModels.code,
			set: {
				texts: row.texts,
				contributions: row.contributions,
				typicalMonths: row.typicalMonths,
				suitsStages: row.suitsStages,
				suitsPresence: row.suitsPresence,
				checklist: row.checklist,
				sortOrder: row.sortOrder
			}
		});
}

export async function insertModel(
	db: Db | Tx,
	row: Omit<typeof collaborationModels.$inferInsert, 'origin'>
): Promise<ModelRow> {
	const [inserted] = await db
		.insert(collaborationModels)
		.values({ ...row, origin: 'user' })
		.returning();
	if (!inserted) throw new Error('insert into collaboration_models returned no row');
	return inserted;
}

export async function updateModel(
	db: Db | Tx,
	code: string,
	set: Pick<
		ModelRow,
		'texts' | 'contributions' | 'typicalMonths' | 'suitsStages' | 'suitsPresence' | 'checklist'
	>,
	version: number
): Promise<ModelRow | undefined> {
	const [row] = await db
		.update(collaborationModels)
		.set({ ...set, edited: true, version: version + 1, updatedAt: new Date() })
		// Only the version the user edited: a newer one means someone saved in between.
		.where(and(eq(collaborationModels.code, code), eq(collaborationModels.version, version)))
		.returning();
	return row;
}
