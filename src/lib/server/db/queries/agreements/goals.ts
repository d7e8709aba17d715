import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { agreementGoals, kpiMeasurements, kpis } from '../../schema';
import { ownedBy } from '../../scope';

export type GoalRow = typeof agreementGoals.$inferSelect;
export type KpiRow = typeof kpis.$inferSelect;
export type MeasurementRow = typeof kpiMeasurements.$inferSelect;

export async function listGoals(db: Db | Tx, agreementIds: number[]): Promise<GoalRow[]> {
	if (agreementIds.length === 0) return [];
	return db
		.select()
		.from(agreementGoals)
		.where(and(ownedBy(agreementGoals), inArray(agreementGoals.agreementId, agreementIds)))
		.orderBy(asc(agreementGoals.sortOrder), asc(agreementGoals.id));
}

export async function findGoal(
	db: Db | Tx,
	agreementId: number,
	goalId: number
): Promise<GoalRow | undefined> {
	const [row] = await db
		.select()
		.from(agreementGoals)
		.where(
			and(
				ownedBy(agreementGoals),
				eq(agreementGoals.id, goalId),
				eq(agreementGoals.agreementId, agreementId)
			)
		);
	return row;
}

export async function insertGoal(
	db: Db | Tx,
	row: typeof agreementGoals.$inferInsert
): Promise<GoalRow> {
	const [inserted] = await db.insert(agreementGoals).values(row).returning();
	if (!inserted) throw new Error('insert into agreement_goals returned no row');
	return inserted;
}

export async function deleteGoal(db: Db | Tx, goalId: number): Promise<GoalRow | undefined> {
	const [row] = await db
		.delete(agreementGoals)
		.where(and(ownedBy(agreementGoals), eq(agreementGoals.id, goalId)))
		.returning();
	return row;
}

export async function listKpis(db: Db | Tx, goalIds: number[]): Promise<KpiRow[]> {
	if (goalIds.length === 0) return [];
	return db
		.select()
		.from(kpis)
		.where(and(ownedBy(kpis), inArray(kpis.goalId, goalIds)))
		.orderBy(asc(kpis.id));
}

/** A KPI with the agreement it belongs to (through its goal). */
export async function findKpi(
	db: Db | Tx,
	kpiId: number
): Promise<(KpiRow & { agreementId: number }) | undefined> {
	const [row] = await db
		.select({ kpi: kpis, agreementId: agreementGoals.agreementId })
		.from(kpis)
		.innerJoin(agreementGoals, eq(agreementGoals.id, kpis.goalId))
		.where(and(ownedBy(kpis), ownedBy(agreementGoals), eq(kpis.id, kpiId)));
	return row ? { ...row.kpi, agreementId: row.agreementId } : undefined;
}

export async function insertKpi(db: Db | Tx, row: typeof kpis.$inferInsert): Promise<KpiRow> {
	const [inserted] = await db.insert(kpis).values(row).returning();
	if (!inserted) throw new Error('insert into kpis returned no row');
	return inserted;
}

export async function deleteKpi(db: Db | Tx, kpiId: number): Promise<KpiRow | undefined> {
	const [row] = await db
		.delete(kpis)
		.where(and(ownedBy(kpis), eq(kpis.id, kpiId)))
		.returning();
	return row;
}

export async function listMeasurements(db: Db | Tx, kpiIds: number[]): Promise<MeasurementRow[]> {
	if (kpiIds.length === 0) return [];
	return db
		.select()
		.from(kpiMeasurements)
		.where(and(ownedBy(kpiMeasurements), inArray(kpiMeasurements.kpiId, kpiIds)))
		.orderBy(asc(kpiMeasurements.measuredOn), asc(kpiMeasurements.id));
}

export async function insertMeasurement(
	db: Db | Tx,
	row: typeof kpiMeasurements.$inferInsert
): Promise<MeasurementRow> {
	const [inserted] = await db.insert(kpiMeasurements).values(row).returning();
	if (!inserted) throw new Error('insert into kpi_measurements returned no row');
	return inserted;
}

export async function deleteMeasurement(
	db: Db | Tx,
	kpiId: number,
	id: number
): Promise<MeasurementRow | undefined> {
	const [row] = await db
		.delete(kpiMeasurements)
		.where(
			and(ownedBy(kpiMeasurements), eq(kpiMeasurements.id, id), eq(kpiMeasurements.kpiId, kpiId))
		)
		.returning();
	return row;
}
