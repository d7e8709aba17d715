import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import {
	clusterActivities,
	clusterFigures,
	clusterOffices,
	clusterProgrammes,
	clusterStageOverrides,
	municipalities
} from '../../schema';

export type ProgrammeMembershipRow = typeof clusterProgrammes.$inferSelect;
export type FigureRow = typeof clusterFigures.$inferSelect;
export type OfficeRow = typeof clusterOffices.$inferSelect & {
	municipalityName: string | null;
	regionCode: string | null;
};
export type ActivityRow = typeof clusterActivities.$inferSelect;
export type StageOverrideRow = typeof clusterStageOverrides.$inferSelect;

export async function listProgrammeMemberships(db: Db | Tx): Promise<ProgrammeMembershipRow[]> {
	return db.select().from(clusterProgrammes);
}

/** Offices with their municipality's name and region. */
export async function listOffices(db: Db | Tx): Promise<OfficeRow[]> {
	const rows = await db
		.select({
			office: clusterOffices,
			municipalityName: municipalities.name,
			regionCode: municipalities.regionCode
		})
		.from(clusterOffices)
		.leftJoin(municipalities, eq(municipalities.code, clusterOffices.municipalityCode))
		.orderBy(
			asc(clusterOffices.clusterId),
			sql`${clusterOffices.isHq} desc`,
			asc(clusterOffices.id)
		);
	return rows.map((row) => ({
		...row.office,
		municipalityName: row.municipalityName,
		regionCode: row.regionCode
	}));
}

/** Live figures (not deleted), oldest year first. */
export async function listFigures(db: Db | Tx): Promise<FigureRow[]> {
	return db
		.select()
		.from(clusterFigures)
		.where(isNull(clusterFigures.deletedAt))
		.orderBy(
			asc(clusterFigures.clusterId),
			asc(clusterFigures.metric),
			sql`${clusterFigures.year} asc nulls first`
		);
}

export async function listActivities(db: Db | Tx): Promise<ActivityRow[]> {
	return db.select().from(clusterActivities);
}

export async function listStageOverrides(db: Db | Tx): Promise<StageOverrideRow[]> {
	return db.select().from(clusterStageOverrides);
}

export async function upsertReferenceMembership(
	db: Db | Tx,
	row: Omit<ProgrammeMembershipRow, 'origin'>
): Promise<void> {
	await db
		.insert(clusterProgrammes)
		.values({ ...row, origin: 'reference' })
		.onConflictDoUpdate({
			target: [clusterProgrammes.clusterId, clusterProgrammes.programmeCode],
			set: { status: sql`excluded.status`, note: sql`excluded.note`, source: sql`excluded.source` },
			setWhere: sql`${clusterProgrammes.origin} = 'reference'`
		});
}

/** Replaces the reference offices of a cluster (only called while no user has edited the list). */
export async function replaceReferenceOffices(
	db: Db | Tx,
	clusterId: number,
	offices: Omit<typeof clusterOffices.$inferInsert, 'clusterId' | 'origin'>[]
): Promise<void> {
	await db
		.delete(clusterOffices)
		.where(and(eq(clusterOffices.clusterId, clusterId), eq(clusterOffices.origin, 'reference')));
	if (offices.length > 0) {
		await db
			.insert(clusterOffices)
			.values(offices.map((office) => ({ ...office, clusterId, origin: 'reference' as const })));
	}
}

export async function insertOffice(
	db: Db | Tx,
	office: typeof clusterOffices.$inferInsert
): Promise<typeof clusterOffices.$inferSelect> {
	const [row] = await db.insert(clusterOffices).values(office).returning();
	if (!row) throw new Error('insert into cluster_offices returned no row');
	return row;
}

export async function deleteOffice(
	db: Db | Tx,
	clusterId: number,
	officeId: number
): Promise<typeof clusterOffices.$inferSelect | undefined> {
	const [row] = await db
		.delete(clusterOffices)
		.where(and(eq(clusterOffices.id, officeId), eq(clusterOffices.clusterId, clusterId)))
		.returning();
	return row;
}

/**
 * Inserts a reference figure when the cluster has none for that metric and year; refreshes one
 * that still comes untouched from the reference data. User figures and deletions are left alone.
 */
export async function upsertReferenceFigure(
	db: Db | Tx,
	row: Omit<typeof clusterFigures.$inferInsert, 'origin' | 'sourceKind'>
): Promise<void> {
	await db
		.insert(clusterFigures)
		.values({ ...row, origin: 'reference', sourceKind: 'reference' })
		.onConflictDoUpdate({
			target: [clusterFigures.clusterId, clusterFigures.metric, clusterFigures.year],
			set: {
				value: sql`excluded.value`,
				unit: sql`excluded.unit`,
				qualifier: sql`excluded.qualifier`,
				sourceUrl: sql`excluded.source_url`,
				sourceLabel: sql`excluded.source_label`,
				note: sql`excluded.note`
			},
			setWhere: sql`${clusterFigures.origin} = 'reference' and ${clusterFigures.deletedAt} is null`
		});
}

export async function findFigure(
	db: Db | Tx,
	clusterId: number,
	metric: FigureRow['metric'],
	year: number | null
): Promise<FigureRow | undefined> {
	const [row] = await db
		.select()
		.from(clusterFigures)
		.where(
			and(
				eq(clusterFigures.clusterId, clusterId),
				eq(clusterFigures.metric, metric),
				year === null ? isNull(clusterFigures.year) : eq(clusterFigures.year, year)
			)
		);
	return row;
}

export async function findFigureById(
	db: Db | Tx,
	clusterId: number,
	id: number
): Promise<FigureRow | undefined> {
	const [row] = await db
		.select()
		.from(clusterFigures)
		.where(
			and(
				eq(clusterFigures.id, id),
				eq(clusterFigures.clusterId, clusterId),
				isNull(clusterFigures.deletedAt)
			)
		);
	return row;
}

/** A user's figure: inserts, or replaces the value for that metric and year (also a deleted one). */
export async function saveUserFigure(
	db: Db | Tx,
	row: Omit<typeof clusterFigures.$inferInsert, 'origin' | 'deletedAt' | 'updatedAt'>
): Promise<FigureRow> {
	const [saved] = await db
		.insert(clusterFigures)
		.values({ ...row, origin: 'user' })
		.onConflictDoUpdate({
			target: [clusterFigures.clusterId, clusterFigures.metric, clusterFigures.year],
			set: {
				value: sql`excluded.value`,
				unit: sql`excluded.unit`,
				qualifier: sql`excluded.qualifier`,
				isEstimate: sql`excluded.is_estimate`,
				sourceKind: sql`excluded.source_kind`,
				sourceUrl: sql`excluded.source_url`,
				sourceLabel: sql`excluded.source_label`,
				note: sql`excluded.note`,
				createdBy: sql`excluded.created_by`,
				origin: sql`'user'`,
				deletedAt: sql`null`,
				updatedAt: sql`now()`
			}
		})
		.returning();
	if (!saved) throw new Error('saving a figure returned no row');
	return saved;
}

/** Marks a figure deleted (a tombstone, so re-seeding does not bring it back). */
export async function softDeleteFigure(db: Db | Tx, id: number): Promise<void> {
	await db
		.update(clusterFigures)
		.set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
		.where(eq(clusterFigures.id, id));
}

export async function replaceActivities(
	db: Db | Tx,
	clusterId: number,
	codes: string[]
): Promise<void> {
	await db.delete(clusterActivities).where(eq(clusterActivities.clusterId, clusterId));
	if (codes.length > 0) {
		await db
			.insert(clusterActivities)
			.values(codes.map((categoryCode) => ({ clusterId, categoryCode, origin: 'user' as const })));
	}
}

export async function upsertStageOverride(
	db: Db | Tx,
	row: typeof clusterStageOverrides.$inferInsert
): Promise<void> {
	await db
		.insert(clusterStageOverrides)
		.values(row)
		.onConflictDoUpdate({
			target: clusterStageOverrides.clusterId,
			set: {
				stage: sql`excluded.stage`,
				reason: sql`excluded.reason`,
				decidedBy: sql`excluded.decided_by`,
				decidedByLabel: sql`excluded.decided_by_label`,
				decidedAt: sql`now()`
			}
		});
}

export async function deleteStageOverride(
	db: Db | Tx,
	clusterId: number
): Promise<StageOverrideRow | undefined> {
	const [row] = await db
		.delete(clusterStageOverrides)
		.where(eq(clusterStageOverrides.clusterId, clusterId))
		.returning();
	return row;
}
