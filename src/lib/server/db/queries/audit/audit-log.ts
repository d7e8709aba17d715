import { and, count, desc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { auditLog } from '../../schema';
import { ownedBy } from '../../scope';

/** An entry as the audit page and the API show it; the organisation is the reader's own. */
export type AuditRow = Omit<typeof auditLog.$inferSelect, 'organisationId'>;

const { organisationId: _organisationId, ...entryColumns } = getTableColumns(auditLog);
export type NewAuditRow = typeof auditLog.$inferInsert;

export async function insertAudit(db: Db | Tx, row: NewAuditRow): Promise<void> {
	await db.insert(auditLog).values(row);
}

export interface AuditFilter {
	entity?: string;
	entityId?: string;
	limit: number;
	offset: number;
}

function where(filter: AuditFilter): SQL | undefined {
	return and(
		ownedBy(auditLog),
		filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
		filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined
	);
}

export async function listAudit(db: Db | Tx, filter: AuditFilter): Promise<AuditRow[]> {
	return db
		.select(entryColumns)
		.from(auditLog)
		.where(and(ownedBy(auditLog), where(filter)))
		.orderBy(desc(auditLog.id))
		.limit(filter.limit)
		.offset(filter.offset);
}

export async function countAudit(db: Db | Tx, filter: AuditFilter): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(auditLog)
		.where(and(ownedBy(auditLog), where(filter)));
	return row?.n ?? 0;
}

/** Entities that have at least one audit entry, for the filter list. */
export async function listAuditedEntities(db: Db | Tx): Promise<string[]> {
	const rows = await db
		.selectDistinct({ entity: auditLog.entity })
		.from(auditLog)
		.where(ownedBy(auditLog))
		.orderBy(auditLog.entity);
	return rows.map((row) => row.entity);
}
