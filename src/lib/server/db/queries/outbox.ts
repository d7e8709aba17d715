import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { outboxMessages } from '../schema';
import { ownedBy } from '../scope';

export type OutboxRow = typeof outboxMessages.$inferSelect;

export async function insertMessage(
	db: Db | Tx,
	row: typeof outboxMessages.$inferInsert
): Promise<OutboxRow> {
	const [inserted] = await db.insert(outboxMessages).values(row).returning();
	if (!inserted) throw new Error('insert into outbox_messages returned no row');
	return inserted;
}

export async function listMessages(db: Db | Tx, limit = 200): Promise<OutboxRow[]> {
	return db
		.select()
		.from(outboxMessages)
		.where(ownedBy(outboxMessages))
		.orderBy(desc(outboxMessages.id))
		.limit(limit);
}

export async function markHandled(db: Db | Tx, id: number): Promise<OutboxRow | undefined> {
	const [row] = await db
		.update(outboxMessages)
		.set({ handledAt: sql`now()` })
		.where(and(ownedBy(outboxMessages), eq(outboxMessages.id, id)))
		.returning();
	return row;
}
