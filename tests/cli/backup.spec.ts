import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { klyngeradar, tempDir, type Run } from './run';
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

/** A refusal as a user should see it: exit 1, one line on stderr, no stack trace. */
function expectOneLineRefusal(run: Run, contains: string): void {
	expect(run.code, run.stderr).toBe(1);
	expect(run.stderr).toContain(contains);
	expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
	expect(run.stderr).not.toMatch(/^\s+at /m);
	expect(run.stdout).toBe('');
}

const DAMAGED = 'Sikkerhedskopien er ufuldstændig eller beskadiget:';

describe('restore refuses a truncated or corrupt backup in one line and changes nothing (PGlite)', () => {
	const dir = tempDir();
	const existing = join(dir, 'existing');
	let good: Buffer;
	let before: Record<string, unknown[]>;

	beforeAll(async () => {
		await seedSomeData({}, ['--data-dir', existing]);
		const file = join(dir, 'good.tar.gz');
		expect((await klyngeradar(['--data-dir', existing, 'backup', file])).code).toBe(0);
		good = readFileSync(file);
		before = await snapshotDatabase({ kind: 'pglite', dataDir: existing });
	});

	// A deflate stream of random bytes fails in more than one way (bad block, bad distance, early
	// end), so the damaged cases check the common start of the message; the others name the reason.
	const cases: [string, () => Buffer, string][] = [
		[
			'cut in the middle',
			() => good.subarray(0, Math.floor(good.length / 2)),
			'slutter midt i arkivet'
		],
		['cut a few bytes short', () => good.subarray(0, good.length - 3), DAMAGED],
		[
			'random bytes after a gzip header',
			() => Buffer.concat([good.subarray(0, 10), randomish(64 * 1024)]),
			DAMAGED
		],
		[
			'random bytes in the middle',
			() => {
				const copy = Buffer.from(good);
				randomish(4096).copy(copy, Math.floor(copy.length / 2));
				return copy;
			},
			DAMAGED
		],
		['an empty file', () => Buffer.alloc(0), `${DAMAGED} filen er tom`],
		['random bytes', () => randomish(4096), 'er ikke en PGlite-backup'],
		['a pg_dump file', () => Buffer.from('PGDMP\u0001\u000e\u0000'), 'er ikke en PGlite-backup'],
		['a gzipped text file', () => gzipSync('hej\n'), `${DAMAGED} indholdet er ikke et tar-arkiv`],
		[
			'a tar.gz of a damaged data directory',
			() =>
				gzipSync(
					tarOf([
						['/PG_VERSION', '17\n'],
						['/base/1/112', 'kaput'.repeat(100)]
					])
				),
			`${DAMAGED} databasen i den kan ikke åbnes`
		],
		[
			'a tar.gz without a data directory',
			() => gzipSync(Buffer.alloc(1024)),
			`${DAMAGED} arkivet indeholder ikke en PGlite-datamappe`
		]
	];

	it.each(cases)('%s', async (name, bytes, contains) => {
		const file = join(dir, `${name.replace(/\W+/g, '-')}.tar.gz`);
		writeFileSync(file, bytes());

		expectOneLineRefusal(
			await klyngeradar(['--data-dir', existing, 'restore', '--force', file]),
			contains
		);
		const fresh = join(dir, `fresh-${name.replace(/\W+/g, '-')}`);
		expectOneLineRefusal(await klyngeradar(['--data-dir', fresh, 'restore', file]), contains);

		expect(existsSync(fresh)).toBe(false);
		expect(readdirSync(dir).filter((entry) => entry.startsWith('existing.'))).toEqual([]);
		expect(await snapshotDatabase({ kind: 'pglite', dataDir: existing })).toEqual(before);
	});
});

/** A minimal ustar archive of text files, checksums and end blocks included. */
function tarOf(files: [string, string][]): Buffer {
	const blocks: Buffer[] = [];
	for (const [name, text] of files) {
		const data = Buffer.from(text);
		const header = Buffer.alloc(512);
		header.write(name, 0);
		header.write('0000644\0', 100);
		header.write('0000000\0', 108);
		header.write('0000000\0', 116);
		header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
		header.write('00000000000\0', 136);
		header.write('        ', 148);
		header.write('0', 156);
		header.write('ustar\u000000', 257);
		const sum = header.reduce((total, byte) => total + byte, 0);
		header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
		blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
	}
	return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

/** Bytes that look random but are the same in every run. */
function randomish(length: number): Buffer {
	const bytes = Buffer.alloc(length);
	let state = 0x2545f491;
	for (let i = 0; i < length; i++) {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		bytes[i] = state & 0xff;
	}
	return bytes;
}

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

	it('refuses a cut-off or empty dump in one line before dropping anything', async () => {
		if (!pgUrl) throw new Error('CI must set TEST_DATABASE_URL for the PostgreSQL tier');
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		const name = `kr_test_${Date.now()}_${process.pid}_backup_cut`;
		await admin.query(`create database "${name}"`);
		const url = new URL(pgUrl);
		url.pathname = `/${name}`;
		const env = { DATABASE_URL: url.toString() };
		try {
			await seedSomeData(env);
			const dir = tempDir();
			const file = join(dir, 'klyngeradar.dump');
			expect((await klyngeradar(['backup', file], { env })).code).toBe(0);
			const before = await snapshotDatabase({ kind: 'postgres', url: url.toString() });
			const whole = readFileSync(file);
			const cut = join(dir, 'cut.dump');
			writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.9)));
			expectOneLineRefusal(
				await klyngeradar(['restore', cut], { env }),
				`${DAMAGED} pg_restore kan ikke læse den`
			);
			const empty = join(dir, 'empty.dump');
			writeFileSync(empty, '');
			expectOneLineRefusal(
				await klyngeradar(['restore', empty], { env }),
				`${DAMAGED} filen er tom`
			);
			expect(await snapshotDatabase({ kind: 'postgres', url: url.toString() })).toEqual(before);
		} finally {
			await admin.query(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	});
});
