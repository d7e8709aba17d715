/** Opens a fresh, migrated database for a bench: in-memory PGlite, or a new PostgreSQL database. */
import pg from 'pg';
import { createDb, type DbHandle } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';

export interface BenchDb {
	label: string;
	handle: DbHandle;
	/** The server database's URL, for a bench that starts a process of its own on it. */
	url?: string;
	dispose(): Promise<void>;
}

export async function benchDatabases(): Promise<BenchDb[]> {
	const out: BenchDb[] = [];
	const pglite = await createDb({ kind: 'pglite-memory' });
	await migrate(pglite);
	out.push({ label: 'PGlite', handle: pglite, dispose: () => pglite.close() });
	const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (url) {
		const name = `kr_bench_${Date.now()}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`create database "${name}"`);
		const target = new URL(url);
		target.pathname = `/${name}`;
		const server = await createDb({ kind: 'postgres', url: target.toString() });
		await migrate(server);
		out.push({
			label: 'PostgreSQL',
			handle: server,
			url: target.toString(),
			dispose: async () => {
				await server.close();
				await admin.query(`drop database if exists "${name}" with (force)`);
				await admin.end();
			}
		});
	} else {
		console.log('PostgreSQL cases skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL).');
	}
	return out;
}
