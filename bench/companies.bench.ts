/**
 * The company register at national scale: a synthetic register of 200,000 companies in all 98
 * municipalities, and 1,000,000 participation rows in 52 lists (13 clusters × 4 years), imported
 * through the same service as the page and the CLI. Yardsticks in the same run: a bare COPY of
 * the same rows into the same engine, and DuckDB computing the same unique counts from scratch.
 * Figures are printed as ratios; nothing passes or fails.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
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
import { companyStats } from '../src/lib/server/services/company-stats';
import { importCompanyFile } from '../src/lib/server/services/company-import';
import type { Ctx } from '../src/lib/server/services/context';
import { seedReferenceData } from '../src/lib/server/services/reference-seed';
import { listMunicipalities } from '../src/lib/server/db/queries/reference/geography';
import { clearFigures } from '../src/lib/server/db/queries/companies/cache';
import { loadClusters } from '../src/lib/server/services/landscape-load';
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
	lists: { cluster: string; year: number; csv: string; rows: string[][] }[];
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
			const rows: string[][] = [];
			for (let i = 0; i < perList && flat.length < ROWS; i++) {
				const cvr = cvrs[Math.floor(next() * cvrs.length)] ?? '';
				rows.push([cvr]);
				const [municipality, band] = placeOf.get(cvr) ?? ['', ''];
				flat.push(`${cvr},${cluster},${year},${municipality},${band}`);
			}
			lists.push({ cluster, year, csv: `cvr\n${rows.map((r) => r[0]).join('\n')}\n`, rows });
		}
	return { cvrs, register: `${register.join('\n')}\n`, lists, flat: `${flat.join('\n')}\n` };
}

/** A bare COPY of the same rows into a scratch table of the same engine: the yardstick. */
async function bareCopy(db: BenchDb, flat: string): Promise<number> {
	const { handle } = db;
	await handle.db.execute(
		sql`create table if not exists bench_copy (cvr text, cluster text, year int, municipality text, band text)`
	);
	await handle.db.execute(sql`truncate bench_copy`);
	const started = performance.now();
	if (handle.kind === 'postgres' && handle.pool) {
		const client = await (handle.pool as pg.Pool).connect();
		try {
			await pipeline(
				Readable.from([flat]),
				client.query(copyFrom('copy bench_copy from stdin with (format csv)'))
			);
		} finally {
			client.release();
		}
	} else if (handle.pglite) {
		await handle.pglite.query("copy bench_copy from '/dev/blob' with (format csv)", [], {
			blob: new Blob([flat])
		});
	}
	return performance.now() - started;
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

export async function run(): Promise<Figure[]> {
	const figures: Figure[] = [];
	let synthetic: Synthetic | null = null;
	for (const db of await benchDatabases()) {
		const ctx: Ctx = { db: db.handle.db, actor: { kind: 'system', label: 'test' }, locale: 'da' };
		await seedReferenceData(ctx.db);
		if (!synthetic) {
			const [municipalities, clusters] = await Promise.all([
				listMunicipalities(ctx.db),
				loadClusters(ctx.db)
			]);
			synthetic = synthesise(
				municipalities.map((mu) => mu.code),
				clusters.map((c) => c.slug).slice(0, 13)
			);
		}
		const data = synthetic;
		let started = performance.now();
		await importCompanyFile(ctx, Buffer.from(data.register), {
			kind: 'register',
			filename: 'register.csv'
		});
		figures.push({
			bench: 'companies',
			case: `${db.label}: register import, ${COMPANIES.toLocaleString('en')} companies`,
			metric: 'time',
			value: (performance.now() - started) / 1000,
			unit: 's'
		});
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
		const importMs = performance.now() - started;
		const copyMs = await bareCopy(db, data.flat);
		figures.push(
			{
				bench: 'companies',
				case: `${db.label}: import ${ROWS.toLocaleString('en')} participation rows in ${data.lists.length} lists (service)`,
				metric: 'time',
				value: importMs / 1000,
				unit: 's'
			},
			{
				bench: 'companies',
				case: `${db.label}: bare COPY of the same rows`,
				metric: 'time',
				value: copyMs / 1000,
				unit: 's'
			},
			{
				bench: 'companies',
				case: `${db.label}: import ÷ bare COPY (target ≤ 1.2)`,
				metric: 'ratio',
				value: importMs / copyMs,
				unit: '×'
			},
			{
				bench: 'companies',
				case: `${db.label}: RSS during the imports (whole bench process)`,
				metric: 'memory',
				value: rss / 1024 / 1024,
				unit: 'MB'
			}
		);
		// The first read after an import computes the counts from the lists; later reads get the
		// kept result until the lists change.
		const firstReads: number[] = [];
		for (let i = 0; i < 3; i++) {
			await clearFigures(ctx.db);
			const t = performance.now();
			await companyStats(ctx, { region: '1081' });
			firstReads.push(performance.now() - t);
		}
		const bench = new Bench({ iterations: 20, warmupIterations: 2 });
		bench.add('unique-company stats for North Jutland, all years (kept)', async () => {
			await companyStats(ctx, { region: '1081' });
		});
		await bench.run();
		const stats = latencyFigures('companies', db.label, bench.tasks);
		figures.push(
			{
				bench: 'companies',
				case: `${db.label}: unique-company stats, first read after an import (median of 3)`,
				metric: 'time',
				value: median(firstReads),
				unit: 'ms'
			},
			...stats
		);
		const statsMs = stats[0]?.value ?? Number.NaN;
		const duckMs = await duckdbCounts(data.flat);
		figures.push(
			{
				bench: 'companies',
				case: 'DuckDB: the same unique counts from scratch (median of 3)',
				metric: 'time',
				value: duckMs,
				unit: 'ms'
			},
			{
				bench: 'companies',
				case: `${db.label}: kept stats ÷ DuckDB (target ≤ 1)`,
				metric: 'ratio',
				value: statsMs / duckMs,
				unit: '×'
			},
			{
				bench: 'companies',
				case: `${db.label}: first read ÷ DuckDB`,
				metric: 'ratio',
				value: median(firstReads) / duckMs,
				unit: '×'
			}
		);
		await db.dispose();
	}
	return figures;
}
