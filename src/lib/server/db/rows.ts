import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './client';

/**
 * Runs raw SQL and returns its rows. PGlite and node-postgres both answer with `{ rows }`, but
 * Drizzle's shared type cannot say so; this is the one place that knows.
 */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };
	return result.rows;
}
