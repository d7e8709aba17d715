import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { clusters } from '../../schema';

export type ClusterRow = typeof clusters.$inferSelect;
export type NewClusterRow = typeof clusters.$inferInsert;

export async function listClusterRows(db: Db | Tx): Promise<ClusterRow[]> {
	return db.select().from(clusters).orderBy(asc(clusters.name));
}

export async function findClusterBySlug(
	db: Db | Tx,
	slug: string
): Promise<ClusterRow | undefined> {
	const [row] = await db.select().from(clusters).where(eq(clusters.slug, slug));
	return row;
}

export async function insertCluster(db: Db | Tx, row: NewClusterRow): Promise<ClusterRow> {
	const [inserted] = await db.insert(clusters).values(row).returning();
	if (!inserted) throw new Error('insert into clusters returned no row');
	return inserted;
}

/** Refreshes a reference cluster from the reference data, unless a user has edited it. */
export async function refreshReferenceCluster(
	db: Db | Tx,
	id: number,
	row: Partial<NewClusterRow>
): Promise<boolean> {
	const updated = await db
		.update(clusters)
		.set({ ...row, updatedAt: sql`now()` })
		.where(and(eq(clusters.id, id), eq(clusters.edited, false)))
		.returning({ id: clusters.id });
	return updated.length > 0;
}

/**
 * A user's edit: applies the changes only when the row still has the version the user saw, and
 * bumps it. Returns the new row, or undefined when someone else saved first.
 */
export async function updateClusterVersioned(
	db: Db | Tx,
	id: number,
	expectedVersion: number,
	changes: Partial<NewClusterRow>
): Promise<ClusterRow | undefined> {
	const [row] = await db
		.update(clusters)
		.set({ ...changes, edited: true, version: sql`${clusters.version} + 1`, updatedAt: sql`now()` })
		.where(and(eq(clusters.id, id), eq(clusters.version, expectedVersion)))
		.returning();
	return row;
}

export async function markOfficesEdited(db: Db | Tx, id: number): Promise<void> {
	await db
		.update(clusters)
		.set({ officesEdited: true, updatedAt: sql`now()` })
		.where(eq(clusters.id, id));
}
