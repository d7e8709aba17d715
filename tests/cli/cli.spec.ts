import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { klyngeradar, tempDir } from './run';

describe('klyngeradar CLI: help and usage errors', () => {
	it('lists its commands in Danish, and in English with --lang en', async () => {
		const da = await klyngeradar(['--help']);
		expect(da.code).toBe(0);
		for (const command of ['serve', 'db', 'user', 'token', 'backup', 'restore'])
			expect(da.stdout).toContain(command);
		expect(da.stdout).toContain('datamappe til den indbyggede database');
		const en = await klyngeradar(['--lang', 'en', '--help']);
		expect(en.stdout).toContain('data directory of the embedded database');
	});

	it.each([
		[['user', 'create', '--help']],
		[['token', 'create', '--help']],
		[['db', 'status', '--help']],
		[['backup', '--help']],
		[['restore', '--help']],
		[['serve', '--help']]
	])('has --help on %j', async (args) => {
		const run = await klyngeradar(args);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^Usage: klyngeradar /);
	});

	it.each([
		[['--bogus'], 'ukendt flag „--bogus“'],
		[
			['user', 'create', '--email', 'a@b.dk', '--role', 'viewer', '--color'],
			'ukendt flag „--color“'
		],
		[['frobnicate'], 'ukendt kommando „frobnicate“'],
		[['user', 'create', '--role', 'viewer'], 'flaget „--email <email>“ skal angives'],
		[['backup'], 'argumentet „file“ mangler'],
		[['db', 'status', 'extra'], 'for mange argumenter']
	])('refuses %j with exit code 2 and a clear message', async (args, message) => {
		const run = await klyngeradar(args);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain(message);
		expect(run.stderr).toContain('klyngeradar --help');
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});

	it('stops at start on a bad environment, naming the variable', async () => {
		const run = await klyngeradar(['db', 'status'], {
			env: { PORT: 'abc', DATABASE_URL: 'mysql://x' }
		});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('PORT: expected a port number (got "abc")');
		expect(run.stderr).toContain('DATABASE_URL: expected a postgres:// or postgresql:// URL');
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('klyngeradar CLI: users and tokens', () => {
	it('refuses bad user input with every field named, and writes nothing', async () => {
		const dataDir = join(tempDir(), 'db');
		const run = await klyngeradar([
			'--data-dir',
			dataDir,
			'user',
			'create',
			'--email',
			'nope',
			'--role',
			'chief'
		]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('email: Skal være en gyldig e-mailadresse.');
		expect(run.stderr).toContain('role: Skal være en af: admin, analyst, viewer.');
		const list = await klyngeradar(['--data-dir', dataDir, '--json', 'user', 'list']);
		expect(JSON.parse(list.stdout)).toEqual({ users: [] });
	});

	it('creates a user with a one-time password, then a token for them', async () => {
		const dataDir = join(tempDir(), 'db');
		const created = await klyngeradar([
			'--data-dir',
			dataDir,
			'--json',
			'user',
			'create',
			'--email',
			'Analytiker@BRN.dk',
			'--role',
			'analyst'
		]);
		expect(created.code).toBe(0);
		const body = JSON.parse(created.stdout) as {
			user: { email: string; role: string; mustChangePassword: boolean };
			oneTimePassword: string;
		};
		expect(body.user).toMatchObject({
			email: 'analytiker@brn.dk',
			role: 'analyst',
			mustChangePassword: true
		});
		expect(body.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

		const withPassword = await klyngeradar(
			[
				'--data-dir',
				dataDir,
				'user',
				'create',
				'--email',
				'viewer@brn.dk',
				'--role',
				'viewer',
				'--password-stdin'
			],
			{ input: 'a long enough passphrase\n' }
		);
		expect(withPassword.code).toBe(0);
		expect(withPassword.stdout).toContain('Bruger viewer@brn.dk (viewer) er oprettet.');
		expect(withPassword.stdout).not.toContain('Engangskode');

		const token = await klyngeradar([
			'--data-dir',
			dataDir,
			'token',
			'create',
			'--email',
			'analytiker@brn.dk',
			'--name',
			'rapport'
		]);
		expect(token.code).toBe(0);
		expect(token.stdout).toMatch(/kr_[a-z2-7]{40}/);

		const missing = await klyngeradar([
			'--data-dir',
			dataDir,
			'token',
			'create',
			'--email',
			'ghost@brn.dk'
		]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('Brugeren findes ikke.');
	});

	it('reports the migration level before and after db migrate', async () => {
		const dataDir = join(tempDir(), 'db');
		const before = JSON.parse(
			(await klyngeradar(['--data-dir', dataDir, '--json', 'db', 'status'])).stdout
		) as {
			migrations: { applied: number; available: number };
		};
		expect(before.migrations.applied).toBe(0);
		expect(before.migrations.available).toBeGreaterThan(0);
		const migrated = await klyngeradar(['--data-dir', dataDir, 'db', 'migrate']);
		expect(migrated.code).toBe(0);
		const after = JSON.parse(
			(await klyngeradar(['--data-dir', dataDir, '--json', 'db', 'status'])).stdout
		) as {
			migrations: { applied: number; available: number; pending: string[] };
		};
		expect(after.migrations.applied).toBe(after.migrations.available);
		expect(after.migrations.pending).toEqual([]);
	});
});
