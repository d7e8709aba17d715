/**
 * Upgrading in place to organisations: a database as the previous release left it (migrations up
 * to 0009, the demo data in it) takes migration 0010 and comes out as one organisation holding
 * every owned row, with every row and every figure as before. Run on the embedded engine, built
 * here, so both databases are in this process and the rows move by COPY.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { tableClasses } from '../../src/lib/server/db/ownership';
import * as schema from '../../src/lib/server/db/schema';
import { migrationsFolder } from '../../src/lib/server/paths';
import type { Ctx } from '../../src/lib/server/services/context';
import { getDashboards } from '../../src/lib/server/services/agreements';
import { findingsReport } from '../../src/lib/server/services/findings';
import { getFitJson } from '../../src/lib/server/services/fit';
import { seedDemoData, seedReferenceData } from '../../src/lib/server/services/platform';

const PREVIOUS = '0009_security';

/** The committed migrations up to and including `last`, as a folder of their own. */
function migrationsUpTo(last: string): string {
	const folder = mkdtempSync(join(tmpdir(), 'klyngeradar-migrations-'));
	cpSync(migrationsFolder, folder, { recursive: true });
	const journalFile = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
	const end = journal.entries.findIndex((entry) => entry.tag === last) + 1;
	for (const entry of journal.entries.slice(end)) rmSync(join(folder, `${entry.tag}.sql`));
	journal.entries = journal.entries.slice(0, end);
	writeFileSync(journalFile, JSON.stringify(journal));
	return folder;
}

async function columnsOf(client: PGlite, table: string): Promise<string[]> {
	const result = await client.query<{ name: string }>(
		`select column_name as name from information_schema.columns
			where table_schema = 'public' and table_name = $1 order by ordinal_position`,
		[table]
	);
	return result.rows.map((row) => row.name).filter((name) => name !== 'organisation_id');
}

/**
 * Every row of every table but the organisations, their memberships and the users (whom this
 * test adds to the old database only), organisation_id left out, in a stable order.
 */
async function everyRow(client: PGlite): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	const left = new Set(['organisations', 'memberships', 'users']);
	for (const table of Object.keys(tableClasses)
		.filter((t) => !left.has(t))
		.sort()) {
		const columns = (await columnsOf(client, table)).map((c) => `"${c}"`).join(', ');
		const result = await client.query(`select ${columns} from "${table}" order by 1, 2`);
		out[table] = result.rows;
	}
	return out;
}

const ctxOf = (db: Db): Ctx => ({ db, actor: { kind: 'system', label: 'test' }, locale: 'da' });

async function figures(db: Db) {
	const ctx = ctxOf(db);
	const report = await findingsReport(ctx, 1);
	return {
		findings: report.findings,
		headlines: report.headlines,
		fit: await getFitJson(ctx, '1081'),
		// The map is drawn anew on each call (its SVG class names count up); its figures are here.
		dashboards: { ...(await getDashboards(ctx, '1081')), mapSvg: null }
	};
}

let current: PGlite;
let upgraded: PGlite;
const folders: string[] = [];

beforeAll(async () => {
	// Today's database with the demo: the rows the previous release also wrote.
	current = await PGlite.create();
	const currentDb = drizzle({ client: current, schema }) as unknown as Db;
	await migrate(drizzle({ client: current, schema }), { migrationsFolder });
	await seedReferenceData(currentDb);
	await seedDemoData(currentDb);

	// The previous release's schema, filled with the same rows, then upgraded.
	upgraded = await PGlite.create();
	const previous = migrationsUpTo(PREVIOUS);
	folders.push(previous);
	await migrate(drizzle({ client: upgraded, schema }), { migrationsFolder: previous });
	await upgraded.exec(`set session_replication_role = replica`);
	for (const table of Object.keys(tableClasses).filter(
		(t) => t !== 'organisations' && t !== 'memberships'
	)) {
		const today = new Set(await columnsOf(current, table));
		const columns = (await columnsOf(upgraded, table))
			.filter((column) => today.has(column))
			.map((c) => `"${c}"`)
			.join(', ');
		// A table the previous release did not have yet starts empty after the upgrade too.
		if (!columns) continue;
		const copied = await current.query(`copy "${table}" (${columns}) to '/dev/blob'`);
		// An empty table gives no blob; the row comparison below would see a table left behind.
		if (!copied.blob) continue;
		await upgraded.query(`copy "${table}" (${columns}) from '/dev/blob'`, [], {
			blob: copied.blob
		});
	}
	await upgraded.exec(`set session_replication_role = origin`);
	// The previous release kept a user's role on the user.
	await upgraded.exec(`insert into users (email, name, role) values
		('chef@brn.example.dk', 'Chef', 'admin'),
		('analytiker@brn.example.dk', 'Analytiker', 'analyst'),
		('laeser@brn.example.dk', 'Læser', 'viewer')`);
	await migrate(drizzle({ client: upgraded, schema }), { migrationsFolder });
}, 120_000);

afterAll(async () => {
	await current.close();
	await upgraded.close();
	for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('upgrading a one-body installation to organisations', () => {
	it('keeps every row of every table', async () => {
		const before = await everyRow(current);
		// The demo fills most tables: rounds, answers, interviews, strategy, agreements, meetings.
		expect(Object.values(before).filter((rows) => rows.length > 0).length).toBeGreaterThan(25);
		expect(await everyRow(upgraded)).toEqual(before);
	});

	it('makes one organisation, the region’s body, and gives it every owned row', async () => {
		const organisations = await upgraded.query<{ id: number; code: string; name: string }>(
			`select id, code, name from organisations`
		);
		expect(organisations.rows).toEqual([
			{ id: expect.any(Number), code: 'brn', name: 'Business Region North Denmark' }
		]);
		const id = organisations.rows[0]?.id;
		const stray: string[] = [];
		for (const [table, kind] of Object.entries(tableClasses)) {
			if (kind !== 'owned') continue;
			const rows = await upgraded.query<{ n: number }>(
				`select count(*)::int as n from "${table}" where organisation_id is distinct from $1`,
				[id]
			);
			if ((rows.rows[0]?.n ?? 0) > 0) stray.push(table);
		}
		expect(stray).toEqual([]);
	});

	it('keeps every user’s role as a membership, and makes the admins platform admins', async () => {
		const members = await upgraded.query<{ email: string; role: string; platformAdmin: boolean }>(
			`select u.email, m.role, u.platform_admin as "platformAdmin"
				from users u join memberships m on m.user_id = u.id
				join organisations o on o.id = m.organisation_id and o.code = 'brn'
				order by u.email`
		);
		expect(members.rows).toEqual([
			{ email: 'analytiker@brn.example.dk', role: 'analyst', platformAdmin: false },
			{ email: 'chef@brn.example.dk', role: 'admin', platformAdmin: true },
			{ email: 'laeser@brn.example.dk', role: 'viewer', platformAdmin: false }
		]);
	});

	it('shows the same findings, fit scores and KPI figures', async () => {
		const upgradedDb = drizzle({ client: upgraded, schema }) as unknown as Db;
		const currentDb = drizzle({ client: current, schema }) as unknown as Db;
		expect(await figures(upgradedDb)).toEqual(await figures(currentDb));
	});
});
