import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, sqlNumeric } from './rows';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder } from '../paths';
import type { DbHandle, Schema } from './client';

/** Applies the committed migrations in `drizzle/`. App start, CLI and tests all call this. */
export async function migrate(handle: DbHandle): Promise<void> {
	if (handle.kind === 'postgres') {
		await migratePg(handle.db as unknown as NodePgDatabase<Schema>, { migrationsFolder });
	} else {
		await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
	}
}

export interface MigrationStatus {
	applied: number;
	available: number;
	/** Tag of the newest applied migration, e.g. `0003_survey`. */
	latestApplied: string | null;
	pending: string[];
}

interface JournalEntry {
	idx: number;
	when: number;
	tag: string;
}

/** Which of the committed migrations the database has, read from Drizzle's own bookkeeping. */
export async function migrationStatus(handle: DbHandle): Promise<MigrationStatus> {
	const journal = JSON.parse(
		readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')
	) as {
		entries: JournalEntry[];
	};
	const files = readMigrationFiles({ migrationsFolder });
	let lastAppliedMillis = -1;
	const [table] = await queryRows(
		handle.db,
		sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`,
		z.object({ exists: z.boolean() })
	);
	if (table?.exists) {
		// Drizzle's own bigint column: a number through `client.ts`'s parser, text without it.
		const [last] = await queryRows(
			handle.db,
			sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
			z.object({ created_at: z.union([z.number(), sqlNumeric]) })
		);
		if (last) lastAppliedMillis = Number(last.created_at);
	}
	const applied = journal.entries.filter((entry) => entry.when <= lastAppliedMillis);
	const pending = journal.entries.filter((entry) => entry.when > lastAppliedMillis);
	return {
		applied: applied.length,
		available: files.length,
		latestApplied: applied.at(-1)?.tag ?? null,
		pending: pending.map((entry) => entry.tag)
	};
}
