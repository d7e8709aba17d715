/**
 * Cold start of the built server (`node build`) to the first 200 on /api/v1/health, and its
 * resident memory right after. PGlite on a new data directory (includes initdb and migrations), on
 * an existing one, and PostgreSQL (a fresh database per run) when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { median, repeat, type Figure } from './harness';

const root = join(import.meta.dirname, '..');
const PORT = 4199;
const RUNS = 3;

function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
	return kb / 1024;
}

async function startOnce(env: Record<string, string>): Promise<{ ms: number; rss: number }> {
	const started = performance.now();
	const child = spawn(process.execPath, [join(root, 'build', 'index.js')], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${PORT}`,
			LOG_LEVEL: 'warn',
			...env
		},
		stdio: 'ignore'
	});
	try {
		for (;;) {
			try {
				const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/health`);
				if (response.status === 200) break;
			} catch {
				// not listening yet
			}
			if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		const ms = performance.now() - started;
		return { ms, rss: rssMb(child.pid ?? 0) };
	} finally {
		await new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	}
}

async function measure(
	caseName: string,
	prepare: () => Promise<Record<string, string>>,
	cleanup: () => Promise<void>
): Promise<Figure[]> {
	const rss: number[] = [];
	const times = await repeat(RUNS, async () => {
		const env = await prepare();
		const result = await startOnce(env);
		rss.push(result.rss);
		await cleanup();
		return result.ms;
	});
	return [
		{
			bench: 'cold-start',
			case: caseName,
			metric: 'first 200 on /api/v1/health',
			value: median(times),
			unit: 'ms',
			runs: times
		},
		{
			bench: 'cold-start',
			case: caseName,
			metric: 'RSS after start',
			value: median(rss),
			unit: 'MB',
			runs: rss
		}
	];
}

export async function run(): Promise<Figure[]> {
	const figures: Figure[] = [];
	let dir = '';
	figures.push(
		...(await measure(
			'PGlite, new data dir',
			() => {
				dir = mkdtempSync(join(tmpdir(), 'kr-bench-'));
				return Promise.resolve({ KLYNGERADAR_DATA_DIR: join(dir, 'db') });
			},
			() => {
				rmSync(dir, { recursive: true, force: true });
				return Promise.resolve();
			}
		))
	);
	const existing = mkdtempSync(join(tmpdir(), 'kr-bench-existing-'));
	await startOnce({ KLYNGERADAR_DATA_DIR: join(existing, 'db') });
	figures.push(
		...(await measure(
			'PGlite, existing data dir',
			() => Promise.resolve({ KLYNGERADAR_DATA_DIR: join(existing, 'db') }),
			() => Promise.resolve()
		))
	);
	rmSync(existing, { recursive: true, force: true });

	const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (!url) {
		console.log('cold-start: PostgreSQL skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL).');
		return figures;
	}
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	let name = '';
	figures.push(
		...(await measure(
			'PostgreSQL 15, new database',
			async () => {
				name = `kr_bench_${Date.now()}`;
				await admin.query(`create database "${name}"`);
				const target = new URL(url);
				target.pathname = `/${name}`;
				return { DATABASE_URL: target.toString() };
			},
			async () => {
				await admin.query(`drop database if exists "${name}" with (force)`);
			}
		))
	);
	await admin.end();
	return figures;
}
