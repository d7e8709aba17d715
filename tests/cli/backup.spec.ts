import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { klyngeradar, tempDir } from './run';
import { snapshotDatabase } from './snapshot';

async function seedSomeData(env: Record<string, string>, args: string[] = []): Promise<void> {
	for (const [email, role] of [
		['admin@brn.dk', 'admin'],
		['analytiker@brn.dk', 'analyst'],
		['bestyrelse@brn.dk', 'viewer']
	] as const) {
		const run = await klyngeradar([...args, 'user', 'create', '--email', email, '--role', role], {
			env
		});
		expect(run.code, run.stderr).toBe(0);
	}
	const token = await klyngeradar([...args, 'token', 'create', '--email', 'admin@brn.dk'], { env });
	expect(token.code, token.stderr).toBe(0);
}

describe('backup and restore (PGlite)', () => {
	it('restores into an empty data directory with identical data', async () => {
		const dir = tempDir();
		const source = join(dir, 'source');
		const target = join(dir, 'target');
		const file = join(dir, 'backups', 'klyngeradar.tar.gz');
		await seedSomeData({}, ['--data-dir', source]);

		const backup = await klyngeradar(['--data-dir', source, '--json', 'backup', file]);
		expect(backup.code, backup.stderr).toBe(0);
		expect(JSON.parse(backup.stdout)).toMatchObject({ kind: 'pglite', file });

		const restore = await klyngeradar(['--data-dir', target, 'restore', file]);
		expect(restore.code, restore.stderr).toBe(0);
		expect(restore.stdout).toContain('Databasen er gendannet');

		const before = await snapshotDatabase({ kind: 'pglite', dataDir: source });
		const after = await snapshotDatabase({ kind: 'pglite', dataDir: target });
		expect(Object.keys(before)).toContain('public.users');
		expect(before['public.users']).toHaveLength(3);
		expect(after).toEqual(before);
	});

	it('refuses to restore over existing data unless --force, which moves it aside', async () => {
		const dir = tempDir();
		const source = join(dir, 'source');
		const target = join(dir, 'target');
		const file = join(dir, 'backup.tar.gz');
		await seedSomeData({}, ['--data-dir', source]);
		expect((await klyngeradar(['--data-dir', source, 'backup', file])).code).toBe(0);
		expect((await klyngeradar(['--data-dir', target, 'db', 'migrate'])).code).toBe(0);

		const refused = await klyngeradar(['--data-dir', target, 'restore', file]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('er ikke tom');
		expect(refused.stderr).toContain('--force');

		const forced = await klyngeradar(['--data-dir', target, 'restore', '--force', file]);
		expect(forced.code, forced.stderr).toBe(0);
		const aside = readdirSync(dir).filter((name) => name.startsWith('target.before-restore-'));
		expect(aside).toHaveLength(1);
		expect(await snapshotDatabase({ kind: 'pglite', dataDir: target })).toEqual(
			await snapshotDatabase({ kind: 'pglite', dataDir: source })
		);
	});

	it('refuses a file that is not a backup, and a missing file, without touching the target', async () => {
		const dir = tempDir();
		const target = join(dir, 'target');
		const junk = join(dir, 'junk.txt');
		writeFileSync(junk, 'hello');
		const wrong = await klyngeradar(['--data-dir', target, 'restore', junk]);
		expect(wrong.code).toBe(1);
		expect(wrong.stderr).toContain('er ikke en PGlite-backup');
		const missing = await klyngeradar(['--data-dir', target, 'restore', join(dir, 'nope.tar.gz')]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('findes ikke');
		expect(existsSync(target)).toBe(false);
	});
});

const pgUrl = process.env.TEST_DATABASE_URL;
const inCi = process.env.CI === 'true';

describe.skipIf(!pgUrl && !inCi)('backup and restore (PostgreSQL, pg_dump/pg_restore)', () => {
	it('restores into an empty database with identical data', async () => {
		if (!pgUrl) throw new Error('CI must set TEST_DATABASE_URL for the PostgreSQL tier');
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		const suffix = `${Date.now()}_${process.pid}`;
		const names = [`kr_test_${suffix}_backup_src`, `kr_test_${suffix}_backup_dst`];
		for (const name of names) await admin.query(`create database "${name}"`);
		const urlFor = (name: string) => {
			const url = new URL(pgUrl);
			url.pathname = `/${name}`;
			return url.toString();
		};
		try {
			const [source, target] = names.map(urlFor) as [string, string];
			await seedSomeData({ DATABASE_URL: source });
			const file = join(tempDir(), 'klyngeradar.dump');
			const backup = await klyngeradar(['--json', 'backup', file], {
				env: { DATABASE_URL: source }
			});
			expect(backup.code, backup.stderr).toBe(0);
			expect(JSON.parse(backup.stdout)).toMatchObject({ kind: 'postgres' });
			const restore = await klyngeradar(['restore', file], { env: { DATABASE_URL: target } });
			expect(restore.code, restore.stderr).toBe(0);
			const before = await snapshotDatabase({ kind: 'postgres', url: source });
			expect(before['public.users']).toHaveLength(3);
			expect(await snapshotDatabase({ kind: 'postgres', url: target })).toEqual(before);
		} finally {
			for (const name of names) await admin.query(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	});
});
