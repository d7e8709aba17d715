import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { logger } from '../log';
import { acquireDataDirLock } from './lock';
import * as schema from './schema';

export type Schema = typeof schema;

/** The database as services see it: the same Drizzle API over PGlite or a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction, or the database itself: services that write accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DbHandle {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** The embedded engine, when there is one (backup and bulk COPY need it). */
	pglite?: PGlite;
	/** The server pool, when there is one. */
	pool?: pg.Pool;
	close(): Promise<void>;
}

// PostgreSQL returns bigint/numeric as strings; counts in this app fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Opens the database the config names: embedded PGlite persisted in a data directory (the
 * default), an in-memory PGlite (tests), or a PostgreSQL server through `pg`.
 */
export async function createDb(config: DatabaseConfig): Promise<DbHandle> {
	if (config.kind === 'postgres') {
		const pool = new pg.Pool({ connectionString: config.url, max: 10 });
		// A connection dropped by the server (restart, failover, pg_terminate_backend) or the
		// network emits 'error' on its client, and an 'error' without a listener crashes the
		// process. The pool listens only while a client is idle; a checked-out client (a
		// transaction, a COPY) gets this listener for its whole life. Its queries fail with the
		// same error, and the pool drops the client on release because it is no longer queryable.
		pool.on('connect', (client) =>
			client.on('error', (err: Error & { code?: string }) =>
				logger.warn('PostgreSQL connection lost', {
					...(err.code ? { code: err.code } : {}),
					error: err.message
				})
			)
		);
		// The pool re-emits an idle client's error after dropping it; it is logged above.
		pool.on('error', () => undefined);
		// Fail at start with the server's own message rather than on the first request.
		const client = await pool.connect();
		client.release();
		const db = drizzlePg({ client: pool, schema }) as unknown as Db;
		return { db, kind: 'postgres', pool, close: () => pool.end() };
	}
	let client: PGlite;
	if (config.kind === 'pglite') {
		const dataDir = resolve(config.dataDir);
		const release = acquireDataDirLock(dataDir);
		try {
			// PGlite does not create parent directories itself.
			mkdirSync(dataDir, { recursive: true });
			client = await PGlite.create(dataDir);
		} catch (err) {
			release();
			throw err;
		}
		const db = drizzlePglite({ client, schema }) as unknown as Db;
		return {
			db,
			kind: 'pglite',
			pglite: client,
			close: async () => {
				await client.close();
				release();
			}
		};
	}
	client = await PGlite.create();
	const db = drizzlePglite({ client, schema }) as unknown as Db;
	return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}
