/**
 * A member-list import killed with SIGKILL at a random point leaves the previous list intact and
 * no half import: afterwards the list holds either all of the old rows or all of the new ones.
 * Runs on the embedded database, and on PostgreSQL too when TEST_DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/lib/domain/companies/cvr';
import { createDb } from '../../src/lib/server/db/client';
import type { DatabaseConfig } from '../../src/lib/server/config';
import { queryRows } from '../../src/lib/server/db/rows';
import { bin, cleanEnv, klyngeradar, root, tempDir } from './run';

const ROWS = 150_000;
const OLD_ROWS = 4;
const dir = tempDir();
const bigFile = join(dir, 'members-big.csv');
const fixtures = join('tests', 'fixtures', 'imports');
const pgUrl = process.env.TEST_DATABASE_URL;
const pgName = `kr_kill_${process.pid}`;

interface Engine {
	name: string;
	args: string[];
	env: Record<string, string>;
	config: DatabaseConfig;
}

const engines: Engine[] = [
	{
		name: 'the embedded database',
		args: ['--data-dir', join(dir, 'db')],
		env: {},
		config: { kind: 'pglite', dataDir: join(dir, 'db') }
	}
];
if (pgUrl) {
	const url = new URL(pgUrl);
	url.pathname = `/${pgName}`;
	engines.push({
		name: 'PostgreSQL',
		args: [],
		env: { DATABASE_URL: url.toString() },
		config: { kind: 'postgres', url: url.toString() }
	});
}

/** The MADE 2023 member list as stored: how many imports and rows it has. */
async function storedList(config: DatabaseConfig): Promise<{ imports: number; rows: number }> {
	const handle = await createDb(config);
	try {
		const [row] = await queryRows(
			handle.db,
			sql`select (select count(*) from company_imports i join clusters c on c.id = i.cluster_id
					where c.slug = 'made' and i.year = 2023 and i.kind = 'members')::int as "imports",
				(select count(*) from company_list_rows r join clusters c on c.id = r.cluster_id
					where c.slug = 'made' and r.year = 2023 and r.kind = 'members')::int as "rows"`,
			z.object({ imports: z.number(), rows: z.number() })
		);
		return row ?? { imports: 0, rows: 0 };
	} finally {
		await handle.close();
	}
}

function importThenKill(engine: Engine, delayMs: number): Promise<'killed' | 'finished'> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[bin, ...engine.args, 'import', 'members', bigFile, '--cluster', 'made', '--year', '2023'],
			{ env: cleanEnv(engine.env), cwd: root }
		);
		let armed = false;
		child.stderr.on('data', (chunk: Buffer) => {
			// Progress is printed while the file is read; the kill lands a random time later, in
			// the reading or in the writing.
			if (!armed && chunk.toString().includes('rækker læst')) {
				armed = true;
				setTimeout(() => child.kill('SIGKILL'), delayMs);
			}
		});
		child.on('error', reject);
		child.on('close', (_code, signal) => resolve(signal === 'SIGKILL' ? 'killed' : 'finished'));
	});
}

beforeAll(async () => {
	const lines = ['cvr'];
	for (let n = 3_000_000; lines.length <= ROWS; n += 1) {
		const cvr = withCheckDigit(String(n));
		if (cvr) lines.push(cvr);
	}
	writeFileSync(bigFile, `${lines.join('\n')}\n`);
	if (pgUrl) {
		const admin = new pg.Client({ connectionString: pgUrl });
		await admin.connect();
		await admin.query(`drop database if exists "${pgName}" with (force)`);
		await admin.query(`create database "${pgName}"`);
		await admin.end();
	}
});

afterAll(async () => {
	if (!pgUrl) return;
	const admin = new pg.Client({ connectionString: pgUrl });
	await admin.connect();
	await admin.query(`drop database if exists "${pgName}" with (force)`);
	await admin.end();
});

describe.each(engines)('an import killed with SIGKILL on $name', (engine) => {
	it('leaves the previous list whole or the new one whole, never half', async () => {
		const run = (args: string[]) => klyngeradar([...engine.args, ...args], { env: engine.env });
		expect((await run(['db', 'seed'])).code).toBe(0);
		const made = ['--cluster', 'made', '--year', '2023'];
		const first = await run([
			'import',
			'members',
			join(fixtures, 'members-made-2023.csv'),
			...made
		]);
		expect(first.code, first.stderr).toBe(0);
		expect(await storedList(engine.config)).toEqual({ imports: 1, rows: OLD_ROWS });

		for (const delay of [Math.floor(Math.random() * 300), 300 + Math.floor(Math.random() * 3000)]) {
			await importThenKill(engine, delay);
			const stored = await storedList(engine.config);
			expect([
				{ imports: 1, rows: OLD_ROWS },
				{ imports: 1, rows: ROWS }
			]).toContainEqual(stored);
			if (stored.rows === ROWS) break;
		}
	});
});
