/**
 * The organisation dimension in the schema: every table classified once, every owned table
 * carrying `organisation_id`, and the default that keeps a one-organisation installation as it
 * was while refusing a write that names no organisation when there are several.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	ownedTables,
	ownedWithoutForeignKey,
	tableClasses,
	type TableName
} from '../../src/lib/server/db/ownership';
import { queryRows } from '../../src/lib/server/db/rows';
import { APP_ROLE, inOrganisation, scopeSql } from '../../src/lib/server/db/scope';
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
				? tables.get(table) !== true
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
		// The owned tables, the memberships that say who works where, and the sessions that say
		// where a browser acts.
		const expected = Object.entries(tableClasses)
			.filter(([table, kind]) => kind === 'owned' && !(table in ownedWithoutForeignKey))
			.map(([table]) => table)
			.concat('memberships', 'sessions');
		expect(rows.map((row) => row.table).sort()).toEqual(expected.sort());
	});

	it('holds every owned table, and only those, by row-level security on the scope', async () => {
		const rows = await queryRows(
			testDb().db,
			sql`select c.relname as "table", c.relrowsecurity as "enabled",
					coalesce(bool_or(p.polname = 'organisation_scope'
						and pg_get_expr(p.polqual, p.polrelid) like '%app_scope()%'
						and pg_get_expr(p.polwithcheck, p.polrelid) like '%app_scope()%'), false) as "scoped"
				from pg_class c
				join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
				left join pg_policy p on p.polrelid = c.oid
				where c.relkind = 'r'
				group by c.relname, c.relrowsecurity`,
			z.object({ table: z.string(), enabled: z.boolean(), scoped: z.boolean() })
		);
		const wrong = rows.filter((row) => {
			const owned = tableClasses[row.table as TableName] === 'owned';
			return row.enabled !== owned || row.scoped !== owned;
		});
		expect(wrong).toEqual([]);
		expect(rows.filter((row) => row.enabled).length).toBe(ownedTables.length);
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
	let made = 0;
	/** Two more organisations, each with a round of its own in a year no other test uses. */
	async function twoOrganisationsWithARoundEach() {
		const db = testDb().db;
		const ids: number[] = [];
		made += 1;
		const year = 2040 + made;
		for (const [code, region] of [
			[`rls-a${made}`, '1084'],
			[`rls-b${made}`, '1085']
		] as const) {
			const [row] = await queryRows(
				db,
				sql`insert into organisations (code, name, kind, region_code)
					values (${code}, ${`Organisation ${code}`}, 'regional', ${region}) returning id`,
				z.object({ id: z.number() })
			);
			if (!row) throw new Error('no organisation');
			ids.push(row.id);
			await inOrganisation(db, row.id, (tx) =>
				tx.execute(sql`insert into survey_rounds (region_code, year, title, since_year)
					values (${region}, ${year}, ${`Runde for ${code.slice(0, 5)}`}, 2030)`)
			);
		}
		const [a = 0, b = 0] = ids;
		/** A query that forgets the scope: no filter on organisation_id. */
		const forgetful = sql`select title from survey_rounds where year = ${year} order by title`;
		return { db, a, b, year, forgetful };
	}
	const titles = z.object({ title: z.string() });

	it('shows a query that forgets the scope only the organisation in scope', async () => {
		const { db, a, b, year, forgetful } = await twoOrganisationsWithARoundEach();
		expect(await inOrganisation(db, a, (tx) => queryRows(tx, forgetful, titles))).toEqual([
			{ title: 'Runde for rls-a' }
		]);
		expect(await inOrganisation(db, b, (tx) => queryRows(tx, forgetful, titles))).toEqual([
			{ title: 'Runde for rls-b' }
		]);
		// Without row-level security the same query sees both: the policy did the work.
		expect(
			await inOrganisation(db, a, (tx) => queryRows(tx, forgetful, titles), { rowSecurity: false })
		).toHaveLength(2);
		// The queries' own filter holds there too.
		expect(
			await inOrganisation(
				db,
				a,
				(tx) =>
					queryRows(
						tx,
						sql`select title from survey_rounds r where r.organisation_id = ${scopeSql} and year = ${year}`,
						titles
					),
				{ rowSecurity: false }
			)
		).toEqual([{ title: 'Runde for rls-a' }]);
	});

	it('shows the app role nothing when no organisation is in scope', async () => {
		const { db, forgetful } = await twoOrganisationsWithARoundEach();
		const seen = await db.transaction(async (tx) => {
			await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
			return queryRows(tx, forgetful, titles);
		});
		expect(seen).toEqual([]);
	});

	it('refuses a row for another organisation, and changes none of its rows', async () => {
		const { db, a, b, year, forgetful } = await twoOrganisationsWithARoundEach();
		const refused = await inOrganisation(db, a, (tx) =>
			tx.execute(sql`insert into survey_rounds (organisation_id, region_code, year, title, since_year)
				values (${b}, '1085', 2033, 'Smuglet', 2031)`)
		).catch((err: unknown) => err);
		expect(String((refused as { cause?: unknown }).cause ?? refused)).toMatch(/row-level security/);
		const changed = await inOrganisation(db, a, (tx) =>
			queryRows(
				tx,
				sql`update survey_rounds set title = 'Overskrevet' where year = ${year} returning title`,
				titles
			)
		);
		expect(changed).toEqual([{ title: 'Overskrevet' }]);
		expect(await inOrganisation(db, b, (tx) => queryRows(tx, forgetful, titles))).toEqual([
			{ title: 'Runde for rls-b' }
		]);
	});
});
