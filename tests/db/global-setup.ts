/**
 * Prepares the database tier once per run. On PGlite it migrates an in-memory database and dumps
 * it, so each test file starts from a copy in milliseconds. On PostgreSQL (TEST_DATABASE_URL) it
 * checks the server is reachable — in CI a missing server fails the run instead of skipping —
 * and gives each run a name prefix; every test file gets its own fresh database.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';

declare module 'vitest' {
	export interface ProvidedContext {
		dbKind: 'pglite' | 'postgres';
		pgliteTemplate: string;
		pgAdminUrl: string;
		pgRunPrefix: string;
	}
}

async function setupPglite(project: TestProject): Promise<() => void> {
	const dir = mkdtempSync(join(tmpdir(), 'klyngeradar-db-template-'));
	const handle = await createDb({ kind: 'pglite-memory' });
	await migrate(handle);
	const dump = await (handle.pglite as PGlite).dumpDataDir('none');
	const file = join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	await handle.close();
	project.provide('pgliteTemplate', file);
	return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject): Promise<() => Promise<void>> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) throw new Error('The db-pg project needs TEST_DATABASE_URL (see CONTRIBUTING.md).');
	const admin = new pg.Client({ connectionString: url });
	try {
		await admin.connect();
	} catch (err) {
		throw new Error(`PostgreSQL at TEST_DATABASE_URL is not reachable: ${(err as Error).message}`, {
			cause: err
		});
	}
	const { rows } = await admin.query<{ server_version: string }>('show server_version');
	console.log(`db-pg: PostgreSQL ${rows[0]?.server_version}`);
	// Leftovers of runs that crashed more than a day ago.
	const stale = await admin.query<{ datname: string }>(
		"select datname from pg_database where datname like 'kr_test_%'"
	);
	const dayAgo = Date.now() - 24 * 3600 * 1000;
	for (const { datname } of stale.rows) {
		const started = Number(datname.split('_')[2]);
		if (Number.isFinite(started) && started < dayAgo)
			await admin.query(`drop database if exists "${datname}"`);
	}
	await admin.end();
	const prefix = `kr_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
	project.provide('pgAdminUrl', url);
	project.provide('pgRunPrefix', prefix);
	return async () => {
		const cleanup = new pg.Client({ connectionString: url });
		await cleanup.connect();
		const mine = await cleanup.query<{ datname: string }>(
			'select datname from pg_database where datname like $1',
			[`${prefix}%`]
		);
		for (const { datname } of mine.rows)
			await cleanup.query(`drop database if exists "${datname}" with (force)`);
		await cleanup.end();
	};
}

export default async function setup(project: TestProject) {
	const kind = project.name === 'db-pg' ? 'postgres' : 'pglite';
	project.provide('dbKind', kind);
	project.provide('pgliteTemplate', '');
	project.provide('pgAdminUrl', '');
	project.provide('pgRunPrefix', '');
	return kind === 'postgres' ? setupPostgres(project) : setupPglite(project);
}
