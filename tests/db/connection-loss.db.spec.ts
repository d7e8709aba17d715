/**
 * A PostgreSQL connection that dies under a request (an administrator's pg_terminate_backend,
 * a server restart, a network drop) must fail that request, roll its transaction back and leave
 * the process and the pool working. The backend is terminated from a second connection while
 * the app writes, copies and reads. PGlite runs in the process, so there is no connection to
 * lose: the file runs on PostgreSQL only.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { withCheckDigit } from '../../src/lib/domain/companies/cvr';
import { isConnectionLost } from '../../src/lib/server/db/errors';
import { queryRows } from '../../src/lib/server/db/rows';
import { apiErrorResponse } from '../../src/lib/server/http';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { importCompanyFile } from '../../src/lib/server/services/companies';
import { DEMO_SURVEY_FILE } from '../../src/lib/server/services/platform';
import { importSurvey } from '../../src/lib/server/services/survey';
import { useTestDb } from './harness';

describe.skipIf(inject('dbKind') === 'pglite')('a PostgreSQL connection lost mid-request', () => {
	const testDb = useTestDb();
	/** Finds and terminates the app's backends, as an operator would. */
	let operator: pg.Client;
	/** Holds a lock the app's transaction waits for, so it is caught half-way. */
	let locker: pg.Client;
	let database = '';
	const crashes: unknown[] = [];
	const onCrash = (err: unknown) => crashes.push(err);

	beforeAll(async () => {
		process.on('uncaughtException', onCrash);
		process.on('unhandledRejection', onCrash);
		await seedReferenceData(testDb().db);
		const [current] = await queryRows(
			testDb().db,
			sql`select current_database() as name`,
			z.object({ name: z.string() })
		);
		database = current?.name ?? '';
		operator = new pg.Client({ connectionString: inject('pgAdminUrl') });
		await operator.connect();
		const url = new URL(inject('pgAdminUrl'));
		url.pathname = `/${database}`;
		locker = new pg.Client({ connectionString: url.toString() });
		await locker.connect();
	});

	afterAll(async () => {
		await operator?.end();
		await locker?.end();
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
	});

	afterEach(async () => {
		// Nothing escaped as an unhandled 'error' event, and the pool hands out working
		// connections again, to plain queries and to transactions.
		expect(crashes.splice(0)).toEqual([]);
		expect(
			await queryRows(testDb().db, sql`select 1 as one`, z.object({ one: z.number() }))
		).toEqual([{ one: 1 }]);
		// As many transactions at once as the pool has connections: none is held by a dead client.
		const max = testDb().handle.pool?.options.max ?? 0;
		expect(max).toBe(10);
		const inTx = await Promise.all(
			Array.from({ length: max }, () =>
				testDb().db.transaction((tx) =>
					queryRows(tx, sql`select 2 as two`, z.object({ two: z.number() }))
				)
			)
		);
		expect(inTx).toEqual(Array.from({ length: max }, () => [{ two: 2 }]));
	});

	/** The pid of the app's backend that matches `condition`, once it gets there. */
	async function backendWhere(condition: string): Promise<number> {
		for (let tries = 0; tries < 400; tries += 1) {
			const { rows } = await operator.query<{ pid: number }>(
				`select pid from pg_stat_activity
				 where datname = $1 and pid <> pg_backend_pid() and ${condition}`,
				[database]
			);
			if (rows[0]) return rows[0].pid;
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		throw new Error(`no backend where ${condition}`);
	}

	/** Terminates the backend and waits until it is gone. */
	async function terminate(pid: number): Promise<void> {
		const { rows } = await operator.query<{ done: boolean }>(
			'select pg_terminate_backend($1, 10000) as done',
			[pid]
		);
		expect(rows[0]?.done).toBe(true);
	}

	async function count(table: string): Promise<number> {
		const [row] = await queryRows(
			testDb().db,
			sql`select count(*)::int as n from ${sql.identifier(table)}`,
			z.object({ n: z.number() })
		);
		return row?.n ?? -1;
	}

	const failure = (work: Promise<unknown>) =>
		work.then(
			() => new Error('the work finished although its connection was terminated'),
			(err: unknown) => err
		);

	/** The request fails as the app says a lost connection: 503, nothing saved, try again. */
	async function expectConnectionLost(work: Promise<unknown>): Promise<void> {
		const error = await work;
		expect(isConnectionLost(error), String(error)).toBe(true);
		const response = apiErrorResponse(error, 'da');
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({
			error: {
				code: 'unavailable',
				message: 'Forbindelsen til databasen blev afbrudt. Intet blev gemt; prøv igen.'
			}
		});
	}

	it('mid-write: a survey import is rolled back whole', async () => {
		const analyst = await testDb().userCtx('analyst');
		const tables = ['survey_rounds', 'survey_responses', 'audit_log'];
		const before = await Promise.all(tables.map(count));
		// The import writes the round and its responses, then waits to write its audit row.
		await locker.query('begin');
		await locker.query('lock table audit_log in share mode');
		const error = failure(importSurvey(analyst, readFileSync(DEMO_SURVEY_FILE, 'utf8')));
		await terminate(await backendWhere("wait_event_type = 'Lock'"));
		await locker.query('rollback');
		await expectConnectionLost(error);
		expect(await Promise.all(tables.map(count))).toEqual(before);
	});

	it('mid-COPY: a 500,000-row list import is rolled back whole', async () => {
		const analyst = await testDb().userCtx('analyst');
		const rows = ['cvr'];
		for (let n = 5_000_000; rows.length <= 500_000; n += 1) {
			const cvr = withCheckDigit(String(n));
			if (cvr) rows.push(cvr);
		}
		const imports = await count('company_imports');
		const listRows = await count('company_list_rows');
		let terminated: Promise<void> | undefined;
		const error = failure(
			importCompanyFile(
				analyst,
				Buffer.from(`${rows.join('\n')}\n`),
				{ kind: 'participants', cluster: 'made', year: 2020, filename: 'big.csv' },
				// Told after the first 50,000 rows, while the COPY is streaming.
				(progress) => {
					if (progress.phase === 'reading' && !terminated)
						terminated = backendWhere("query like 'copy company_list_rows%'").then(terminate);
				}
			)
		);
		await expectConnectionLost(error);
		await terminated;
		expect(terminated).toBeDefined();
		expect(await count('company_imports')).toBe(imports);
		expect(await count('company_list_rows')).toBe(listRows);
	});

	it.each(['pool', 'transaction'] as const)(
		'mid-read: a long query on the %s fails',
		async (via) => {
			const { db } = testDb();
			const query = sql`select pg_sleep(30)`;
			const error = failure(
				via === 'pool' ? db.execute(query) : db.transaction((tx) => tx.execute(query))
			);
			await terminate(await backendWhere("query like 'select pg_sleep%'"));
			await expectConnectionLost(error);
		}
	);
});
