/**
 * The organisation dimension in the schema: every table classified once, every owned table
 * carrying `organisation_id`, and the default that keeps a one-organisation installation as it
 * was while refusing a write that names no organisation when there are several.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownedWithoutColumn, tableClasses } from '../../src/lib/server/db/ownership';
import { queryRows } from '../../src/lib/server/db/rows';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { newRound } from './factories';
import { useTestDb } from './harness';

const testDb = useTestDb();

beforeAll(async () => {
	await seedReferenceData(testDb().db);
});

async function tablesWithColumn(): Promise<Map<string, boolean>> {
	const rows = await queryRows(
		testDb().db,
		sql`select t.table_name as "table",
				exists (select 1 from information_schema.columns c
					where c.table_schema = 'public' and c.table_name = t.table_name
					and c.column_name = 'organisation_id' and c.is_nullable = 'NO') as "owned"
			from information_schema.tables t
			where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`,
		z.object({ table: z.string(), owned: z.boolean() })
	);
	return new Map(rows.map((row) => [row.table, row.owned]));
}

describe('the table classification', () => {
	it('names every table of the database, and no table that is not there', async () => {
		const tables = await tablesWithColumn();
		expect([...tables.keys()].sort()).toEqual(Object.keys(tableClasses).sort());
	});

	it('gives every owned table a required organisation_id, and no shared table one', async () => {
		const tables = await tablesWithColumn();
		const wrong = Object.entries(tableClasses).filter(([table, kind]) =>
			kind === 'owned'
				? tables.get(table) !== !(table in ownedWithoutColumn)
				: kind === 'shared' && tables.get(table) !== false
		);
		expect(wrong).toEqual([]);
	});

	it('ties every organisation_id to an organisation', async () => {
		const rows = await queryRows(
			testDb().db,
			sql`select tc.table_name as "table"
				from information_schema.table_constraints tc
				join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name
				join information_schema.constraint_column_usage u on u.constraint_name = tc.constraint_name
				where tc.constraint_type = 'FOREIGN KEY' and k.column_name = 'organisation_id'
					and u.table_name = 'organisations'`,
			z.object({ table: z.string() })
		);
		// The owned tables, and the memberships that say who works where.
		const expected = Object.entries(tableClasses)
			.filter(([table, kind]) => kind === 'owned' && !(table in ownedWithoutColumn))
			.map(([table]) => table)
			.concat('memberships');
		expect(rows.map((row) => row.table).sort()).toEqual(expected.sort());
	});
});

describe('an installation with one organisation', () => {
	it('has the regional body of its region, and its rows belong to it without naming it', async () => {
		const organisations = await queryRows(
			testDb().db,
			sql`select id, code, kind, region_code as "regionCode" from organisations`,
			z.object({ id: z.number(), code: z.string(), kind: z.string(), regionCode: z.string() })
		);
		expect(organisations).toEqual([
			{ id: expect.any(Number), code: 'brn', kind: 'regional', regionCode: '1081' }
		]);
		const round = await newRound(testDb(), { title: 'Én organisation' });
		const [row] = await queryRows(
			testDb().db,
			sql`select organisation_id as "organisationId" from survey_rounds where id = ${round.id}`,
			z.object({ organisationId: z.number() })
		);
		expect(row?.organisationId).toBe(organisations[0]?.id);
	});
});

describe('an installation with two organisations', () => {
	it('refuses a write that names no organisation, and writes into the one in scope', async () => {
		const db = testDb().db;
		const [second] = await queryRows(
			db,
			sql`insert into organisations (code, name, kind, region_code)
				values ('syd', 'Erhvervsfremmen i Syddanmark', 'regional', '1083') returning id`,
			z.object({ id: z.number() })
		);
		const before = await queryRows(
			db,
			sql`select count(*)::int as n from survey_rounds`,
			z.object({ n: z.number() })
		);
		const refused = await newRound(testDb(), { title: 'Uden organisation' }).catch(
			(err: unknown) => err
		);
		expect(String((refused as { cause?: unknown }).cause)).toContain('no organisation in scope');
		expect(
			await queryRows(
				db,
				sql`select count(*)::int as n from survey_rounds`,
				z.object({ n: z.number() })
			)
		).toEqual(before);
		const scoped = await db.transaction(async (tx) => {
			await tx.execute(sql`select set_config('app.organisation_id', ${String(second?.id)}, true)`);
			return queryRows(
				tx,
				sql`insert into survey_rounds (region_code, year, title, since_year)
					values ('1083', 2031, 'Syddanmarks runde', 2029) returning organisation_id as "organisationId"`,
				z.object({ organisationId: z.number() })
			);
		});
		expect(scoped).toEqual([{ organisationId: second?.id }]);
	});
});

describe('row-level security on this engine', () => {
	it('holds for a role that does not own the table: rows of other organisations are not there', async () => {
		const db = testDb().db;
		const role = `kr_rls_probe_${process.pid}_${Date.now()}`;
		for (const statement of [
			`create table rls_probe (organisation_id integer not null, note text)`,
			`insert into rls_probe values (1, 'egen'), (2, 'andens')`,
			`alter table rls_probe enable row level security`,
			`create policy rls_probe_scope on rls_probe
				using (organisation_id = nullif(current_setting('app.organisation_id', true), '')::integer)`,
			`create role ${role} nosuperuser nobypassrls`,
			`grant select on rls_probe to ${role}`
		])
			await db.execute(sql.raw(statement));
		try {
			const seen = await db.transaction(async (tx) => {
				await tx.execute(sql.raw(`set local role ${role}`));
				const none = await queryRows(
					tx,
					sql`select note from rls_probe`,
					z.object({ note: z.string() })
				);
				await tx.execute(sql`select set_config('app.organisation_id', '1', true)`);
				const own = await queryRows(
					tx,
					sql`select note from rls_probe`,
					z.object({ note: z.string() })
				);
				return { none, own };
			});
			expect(seen).toEqual({ none: [], own: [{ note: 'egen' }] });
		} finally {
			await db.execute(sql.raw(`drop table rls_probe`));
			await db.execute(sql.raw(`drop role ${role}`));
		}
	});
});
