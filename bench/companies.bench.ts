/**
 * The company register at national scale: a synthetic register of 200,000 companies in all 98
 * municipalities, and 1,000,000 participation rows in 52 lists (13 clusters × 4 years), imported
 * through the same service as the page and the CLI. Yardsticks in the same run: a bare COPY of
 * the same rows into the same engine, and DuckDB computing the same unique counts from scratch.
 * Figures are printed as ratios; nothing passes or fails.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Bench } from 'tinybench';
import { withCheckDigit } from '../src/lib/domain/companies/cvr';
import { employeeBands } from '../src/lib/domain/companies/bands';
import {
	companyStats,
	getCompanyPage,
	importCompanyFile
} from '../src/lib/server/services/companies';
import type { Ctx } from '../src/lib/server/services/context';
import { loadClusters } from '../src/lib/server/services/landscape';
import { seedReferenceData } from '../src/lib/server/services/platform';
import { listMunicipalities } from '../src/lib/server/db/queries/reference/geography';
import { clearFigures } from '../src/lib/server/db/queries/companies/cache';
import { benchDatabases, type BenchDb } from './db';
import { latencyFigures, median, type Figure } from './harness';

const COMPANIES = 200_000;
const ROWS = 1_000_000;
const YEARS = [2021, 2022, 2023, 2024];

/** A deterministic pseudo-random sequence, so every run imports the same data. */
function random(seed: number): () => number {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) % 2147483648;
		return s / 2147483648;
	};
}

interface Synthetic {
	cvrs: string[];
	register: string;
	lists: { cluster: string; year: number; csv: string }[];
	/** Every participation row as cvr, cluster, year, municipality, band (for COPY and DuckDB). */
	flat: string;
}

function synthesise(municipalities: string[], clusters: string[]): Synthetic {
	const next = random(42);
	const cvrs: string[] = [];
	const placeOf = new Map<string, [string, string]>();
	const register = ['cvr;navn;kommunekode;ansatte'];
	for (let n = 2_000_000; cvrs.length < COMPANIES; n += 1) {
		const cvr = withCheckDigit(String(n));
		if (!cvr) continue;
		const municipality = municipalities[Math.floor(next() * municipalities.length)] ?? '851';
		const band = employeeBands[Math.floor(next() * employeeBands.length)] ?? '1';
		cvrs.push(cvr);
		placeOf.set(cvr, [municipality, band]);
		register.push(`${cvr};Virksomhed ${cvrs.length} ApS;${municipality};${band}`);
	}
	const perList = Math.ceil(ROWS / (clusters.length * YEARS.length));
	const lists: Synthetic['lists'] = [];
	const flat: string[] = [];
	for (const cluster of clusters)
		for (const year of YEARS) {
			const rows: string[] = [];
			for (let i = 0; i < perList && flat.length < ROWS; i++) {
				const cvr = cvrs[Math.floor(next() * cvrs.length)] ?? '';
				rows.push(cvr);
				const [municipality, band] = placeOf.get(cvr) ?? ['', ''];
				flat.push(`${cvr},${cluster},${year},${municipality},${band}`);
			}
			lists.push({ cluster, year, csv: `cvr\n${rows.join('\n')}\n` });
		}
	return { cvrs, register: `${register.join('\n')}\n`, lists, flat: `${flat.join('\n')}\n` };
}

/** COPY text into a table of the bench database, on either engine. */
async function copyText(
	db: BenchDb,
	statement: string,
	text: string,
	format = ''
): Promise<number> {
	const { handle } = db;
	const started = performance.now();
	if (handle.kind === 'postgres' && handle.pool) {
		const client = await (handle.pool as pg.Pool).connect();
		try {
			await pipeline(
				Readable.from([text]),
				client.query(copyFrom(`${statement} from stdin ${format}`))
			);
		} finally {
			client.release();
		}
	} else if (handle.pglite) {
		await handle.pglite.query(`${statement} from '/dev/blob' ${format}`, [], {
			blob: new Blob([text])
		});
	}
	return performance.now() - started;
}

/**
 * The yardsticks: a bare COPY of the same rows into a table shaped like the one the import
 * writes (same columns, identity and indexes), and into an unindexed scratch table.
 */
async function bareCopies(
	db: BenchDb,
	flat: string,
	listRows: string
): Promise<{ sameTable: number; scratch: number }> {
	const { db: orm } = db.handle;
	await orm.execute(sql`drop table if exists bench_copy`);
	await orm.execute(sql`drop table if exists bench_list_copy`);
	await orm.execute(
		sql`create table bench_copy (cvr text, cluster text, year int, municipality text, band text)`
	);
	await orm.execute(sql`create table bench_list_copy (like company_list_rows including all)`);
	const scratch = await copyText(
		db,
		'copy bench_copy (cvr, cluster, year, municipality, band)',
		flat,
		'with (format csv)'
	);
	const sameTable = await copyText(
		db,
		'copy bench_list_copy (import_id, cluster_id, year, kind, cvr, pnr, activity, on_date)',
		listRows
	);
	await orm.execute(sql`drop table bench_copy`);
	await orm.execute(sql`drop table bench_list_copy`);
	return { sameTable, scratch };
}

/** Peak resident memory of a child process, sampled from /proc while it runs (Linux). */
function peakRss(child: ChildProcess): () => number {
	let peak = 0;
	const timer = setInterval(() => {
		try {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			peak = Math.max(peak, kb * 1024);
		} catch {
			// The process has ended.
		}
	}, 50);
	child.on('close', () => clearInterval(timer));
	return () => peak;
}

/** `klyngeradar import participants FILE` in its own process on the PostgreSQL bench database. */
async function cliImport(
	url: string,
	file: string,
	cluster: string,
	year: number,
	nodeArgs: string[] = []
) {
	const bin = join(import.meta.dirname, '..', 'bin', 'klyngeradar.js');
	const started = performance.now();
	const child = spawn(
		process.execPath,
		[
			...nodeArgs,
			bin,
			'import',
			'participants',
			file,
			'--cluster',
			cluster,
			'--year',
			String(year)
		],
		{ env: { ...process.env, DATABASE_URL: url, KLYNGERADAR_LANG: 'en' }, stdio: 'ignore' }
	);
	const peak = peakRss(child);
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (code !== 0) throw new Error(`the CLI import ended with ${code}`);
	return { ms: performance.now() - started, rss: peak() };
}

async function duckdbCounts(flat: string): Promise<number> {
	const file = join(tmpdir(), `klyngeradar-bench-${process.pid}.csv`);
	writeFileSync(file, flat);
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	await connection.run(
		`create table p as select * from read_csv('${file}', header = false, columns = {'cvr': 'VARCHAR', 'cluster': 'VARCHAR', 'year': 'INTEGER', 'municipality': 'VARCHAR', 'band': 'VARCHAR'})`
	);
	const times: number[] = [];
	for (let i = 0; i < 3; i++) {
		const started = performance.now();
		await connection.runAndReadAll(
			'select municipality, cluster, count(distinct cvr) from p group by municipality, cluster'
		);
		await connection.runAndReadAll(
			'select k, count(*) from (select cvr, count(distinct cluster) k from p group by cvr) group by k'
		);
		times.push(performance.now() - started);
	}
	connection.closeSync();
	return median(times);
}

const figure = (label: string, metric: string, value: number, unit: string): Figure => ({
	bench: 'companies',
	case: label,
	metric,
	value,
	unit
});

export async function run(): Promise<Figure[]> {
	const figures: Figure[] = [];
	const dir = mkdtempSync(join(tmpdir(), 'klyngeradar-bench-'));
	let synthetic: Synthetic | null = null;
	let bigFile = '';
	for (const db of await benchDatabases()) {
		const ctx: Ctx = { db: db.handle.db, actor: { kind: 'system', label: 'test' }, locale: 'da' };
		await seedReferenceData(ctx.db);
		const clusters = await loadClusters(ctx.db);
		if (!synthetic) {
			const municipalities = await listMunicipalities(ctx.db);
			synthetic = synthesise(
				municipalities.map((mu) => mu.code),
				clusters.map((c) => c.slug).slice(0, 13)
			);
			// One participation file of a million rows, the size the import is measured at.
			bigFile = join(dir, 'participants-1m.csv');
			const next = random(7);
			const rows = ['cvr'];
			for (let i = 0; i < ROWS; i++)
				rows.push(synthetic.cvrs[Math.floor(next() * synthetic.cvrs.length)] ?? '');
			writeFileSync(bigFile, `${rows.join('\n')}\n`);
		}
		const data = synthetic;
		const label = (text: string) => `${db.label}: ${text}`;
		let started = performance.now();
		await importCompanyFile(ctx, Buffer.from(data.register), {
			kind: 'register',
			filename: 'register.csv'
		});
		figures.push(
			figure(
				label(`register import, ${COMPANIES.toLocaleString('en')} companies`),
				'time',
				(performance.now() - started) / 1000,
				's'
			)
		);
		let rss = process.memoryUsage().rss;
		started = performance.now();
		for (const list of data.lists) {
			await importCompanyFile(ctx, Buffer.from(list.csv), {
				kind: 'participants',
				cluster: list.cluster,
				year: list.year,
				filename: `${list.cluster}-${list.year}.csv`
			});
			rss = Math.max(rss, process.memoryUsage().rss);
		}
		const listsMs = performance.now() - started;
		// The same million rows as the import writes them, for the COPY yardstick.
		const firstCluster = clusters[0];
		const listRows = readFileSync(bigFile, 'utf8')
			.split('\n')
			.slice(1, ROWS + 1)
			.map((cvr) => `1\t${firstCluster?.id ?? 1}\t2025\tparticipants\t${cvr}\t\\N\t\\N\t\\N\n`)
			.join('');
		const copies = await bareCopies(db, data.flat, listRows);
		figures.push(
			figure(
				label(
					`import ${ROWS.toLocaleString('en')} participation rows in ${data.lists.length} lists (service)`
				),
				'time',
				listsMs / 1000,
				's'
			),
			figure(
				label('bare COPY of the same rows into a table like company_list_rows'),
				'time',
				copies.sameTable / 1000,
				's'
			),
			figure(
				label('bare COPY of the same rows into an unindexed scratch table'),
				'time',
				copies.scratch / 1000,
				's'
			),
			figure(
				label(`${data.lists.length} list imports ÷ bare COPY into the same table`),
				'ratio',
				listsMs / copies.sameTable,
				'×'
			),
			figure(
				label('RSS during the imports (whole bench process)'),
				'memory',
				rss / 1024 / 1024,
				'MB'
			)
		);
		// The first read after an import computes the counts from the kept presence rows; later
		// reads get the kept result until the lists change.
		const firstReads: number[] = [];
		const firstPages: number[] = [];
		for (let i = 0; i < 3; i++) {
			await clearFigures(ctx.db);
			let t = performance.now();
			await companyStats(ctx, { region: '1081' });
			firstReads.push(performance.now() - t);
			await clearFigures(ctx.db);
			t = performance.now();
			await getCompanyPage(ctx, '1081', null);
			firstPages.push(performance.now() - t);
		}
		const bench = new Bench({ iterations: 20, warmupIterations: 2 });
		bench.add('unique-company stats for North Jutland, all years (kept)', async () => {
			await companyStats(ctx, { region: '1081' });
		});
		bench.add('company page for North Jutland with its map (kept counts)', async () => {
			await getCompanyPage(ctx, '1081', null);
		});
		await bench.run();
		const stats = latencyFigures('companies', db.label, bench.tasks);
		const duckMs = await duckdbCounts(data.flat);
		const keptMs = stats[0]?.value ?? Number.NaN;
		figures.push(
			figure(
				label('unique-company stats, first read after an import (median of 3)'),
				'time',
				median(firstReads),
				'ms'
			),
			figure(
				label('company page, first read after an import (median of 3)'),
				'time',
				median(firstPages),
				'ms'
			),
			...stats,
			figure('DuckDB: the same unique counts from scratch (median of 3)', 'time', duckMs, 'ms'),
			figure(label('first read ÷ DuckDB (target ≤ 1)'), 'ratio', median(firstReads) / duckMs, '×'),
			figure(label('kept stats ÷ DuckDB'), 'ratio', keptMs / duckMs, '×')
		);
		// One file of a million rows, as the issue measures it: parse, check, write, count.
		started = performance.now();
		await importCompanyFile(
			ctx,
			{ path: bigFile },
			{
				kind: 'participants',
				cluster: firstCluster?.slug ?? '',
				year: 2025,
				filename: 'participants-1m.csv'
			}
		);
		const bigMs = performance.now() - started;
		figures.push(
			figure(
				label('import of one 1,000,000-row participation CSV (service)'),
				'time',
				bigMs / 1000,
				's'
			),
			figure(
				label('one-file import ÷ bare COPY into the same table (target ≤ 1.2)'),
				'ratio',
				bigMs / copies.sameTable,
				'×'
			),
			figure(
				label('one-file import ÷ bare COPY into a scratch table'),
				'ratio',
				bigMs / copies.scratch,
				'×'
			)
		);
		if (db.url && firstCluster) {
			const child = await cliImport(db.url, bigFile, firstCluster.slug, 2026);
			// The same import with V8's heap capped: what the import itself holds, without the
			// garbage V8 lets grow when the machine has memory to spare.
			const capped = await cliImport(db.url, bigFile, firstCluster.slug, 2027, [
				'--max-old-space-size=256'
			]);
			figures.push(
				figure(
					label('the same file through `klyngeradar import` in its own process'),
					'time',
					child.ms / 1000,
					's'
				),
				figure(
					label('peak RSS of that import process (target < 500 MB)'),
					'memory',
					child.rss / 1024 / 1024,
					'MB'
				),
				figure(
					label('peak RSS of that import process, heap capped at 256 MB'),
					'memory',
					capped.rss / 1024 / 1024,
					'MB'
				)
			);
		}
		await db.dispose();
	}
	rmSync(dir, { recursive: true, force: true });
	return figures;
}
