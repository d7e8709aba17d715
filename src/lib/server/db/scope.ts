/**
 * The organisation scope in the database. Every request of a signed-in user, an API token or a
 * respondent link runs in one transaction that names its organisation (`app.organisation_id`)
 * and acts as `klyngeradar_app`, a role that owns no table: row-level security on every owned
 * table (migration 0013) then shows and takes only that organisation's rows. The queries filter
 * on the same scope themselves (`ownedBy`), so the isolation holds twice: in the SQL the app
 * writes, and in PostgreSQL if a query forgets.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db, Tx } from './client';
import { queryRows } from './rows';

/** The role row-level security holds; created by migration 0013, granted to the owner. */
export const APP_ROLE = 'klyngeradar_app';

export interface ScopeOptions {
	/**
	 * Act as `klyngeradar_app` inside the scope (default). Off, the owner's queries are held by
	 * their own filter alone: for the benchmark that measures what row-level security costs.
	 */
	rowSecurity?: boolean;
}

/**
 * Runs `work` in a transaction scoped to one organisation. Inside, `app_scope()` and
 * `app_organisation()` answer this organisation, so new rows land in it and other
 * organisations' rows are not there. Nested `tx.transaction` calls are savepoints in it.
 */
export async function inOrganisation<T>(
	db: Db | Tx,
	organisationId: number,
	work: (tx: Tx) => Promise<T>,
	options: ScopeOptions = {}
): Promise<T> {
	if (!Number.isSafeInteger(organisationId) || organisationId <= 0)
		throw new Error(`not an organisation id: ${organisationId}`);
	// Inside a transaction this is a savepoint, and `set_config(…, true)` outlives a released
	// savepoint: the scope around it is put back afterwards.
	const outer = isTransaction(db) ? await currentScope(db) : undefined;
	return db.transaction(async (tx) => {
		await enterScope(tx, String(organisationId), options.rowSecurity === false ? 'none' : APP_ROLE);
		const result = await work(tx);
		if (outer) await enterScope(tx, outer.organisation, outer.role);
		return result;
	});
}

const isTransaction = (db: Db | Tx): db is Tx => 'rollback' in db;

async function currentScope(tx: Tx): Promise<{ organisation: string; role: string }> {
	const [row] = await queryRows(
		tx,
		sql`select coalesce(current_setting('app.organisation_id', true), '') as "organisation",
			current_setting('role') as "role"`,
		z.object({ organisation: z.string(), role: z.string() })
	);
	return row ?? { organisation: '', role: 'none' };
}

/** One round trip: both settings end with the transaction (`is_local`). */
async function enterScope(tx: Tx, organisation: string, role: string): Promise<void> {
	await tx.execute(
		sql`select set_config('app.organisation_id', ${organisation}, true), set_config('role', ${role}, true)`
	);
}

/** The organisation in scope, as SQL: evaluated once per statement (an InitPlan). */
export const scopeSql: SQL = sql`(select app_scope())`;

/**
 * The filter every query of owned data carries: the row belongs to the organisation in scope.
 * Outside a scope, with several organisations, it matches nothing.
 */
export function ownedBy(table: { organisationId: PgColumn }): SQL {
	return eq(table.organisationId, scopeSql);
}

/**
 * Runs `work` as the tables' owner inside a scoped transaction, for the three things the
 * company register's bulk path needs and `klyngeradar_app` may not do: COPY into a table with
 * row-level security (PostgreSQL refuses it), `analyze` (owner only), and rebuilding the
 * presence rows of every organisation after a shared register extract. The rows written name
 * their organisation explicitly. The role is back as it was when `work` has succeeded.
 */
export async function asOwner<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
	const restore = await becomeOwner(tx);
	// A failure aborts the transaction, and its end resets the role with it.
	const result = await work();
	await restore();
	return result;
}

/** `asOwner` in two steps, for a COPY stream that runs while the file is read. */
export async function becomeOwner(tx: Tx): Promise<() => Promise<void>> {
	const [row] = await queryRows(
		tx,
		sql`select current_setting('role') as "role"`,
		z.object({ role: z.string() })
	);
	const role = row?.role ?? 'none';
	if (role === 'none') return () => Promise.resolve();
	await tx.execute(sql`select set_config('role', 'none', true)`);
	return async () => {
		await tx.execute(sql`select set_config('role', ${role}, true)`);
	};
}

/** The id of the organisation in scope; throws when there is none (several, none chosen). */
export async function organisationInScope(db: Db | Tx): Promise<number> {
	const [row] = await queryRows(
		db,
		sql`select app_scope() as "id"`,
		z.object({ id: z.number().int().nullable() })
	);
	if (!row?.id) throw new Error('no organisation in scope (app.organisation_id is not set)');
	return row.id;
}
