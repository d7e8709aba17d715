/** Reads every row of every table, so two databases can be compared for identical data. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createDb } from '../../src/lib/server/db/client';
import type { DatabaseConfig } from '../../src/lib/server/config';
import { queryRows } from '../../src/lib/server/db/rows';

export async function snapshotDatabase(config: DatabaseConfig): Promise<Record<string, unknown[]>> {
	const handle = await createDb(config);
	try {
		const tables = await queryRows(
			handle.db,
			sql`select table_schema as schema, table_name as name from information_schema.tables
				where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
			z.object({ schema: z.string(), name: z.string() })
		);
		const out: Record<string, unknown[]> = {};
		for (const { schema, name } of tables) {
			const rows = await queryRows(
				handle.db,
				sql.raw(`select * from "${schema}"."${name}" order by 1`),
				z.record(z.string(), z.unknown())
			);
			out[`${schema}.${name}`] = rows.map((row) => JSON.parse(JSON.stringify(row)) as unknown);
		}
		return out;
	} finally {
		await handle.close();
	}
}
