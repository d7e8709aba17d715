/**
 * A fresh, migrated database for one test file, on whichever engine the project runs:
 * `useTestDb()` in a describe block gives the handle and contexts for each role.
 */
import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Actor, StaffRole } from '../../src/lib/domain/access';
import type { OrganisationRef } from '../../src/lib/domain/organisations';
import type { Locale } from '../../src/lib/format';
import { createDb, type Db, type DbHandle } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';
import { inOrganisation } from '../../src/lib/server/db/scope';
import * as schema from '../../src/lib/server/db/schema';
import { createUser } from '../../src/lib/server/services/users';
import type { Ctx } from '../../src/lib/server/services/context';

let counter = 0;

export async function openTestDb(): Promise<DbHandle> {
	if (inject('dbKind') === 'postgres') {
		const adminUrl = inject('pgAdminUrl');
		const name = `${inject('pgRunPrefix')}_${process.pid}_${++counter}`;
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`create database "${name}"`);
		await admin.end();
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		const handle = await createDb({ kind: 'postgres', url: url.toString() });
		await migrate(handle);
		return handle;
	}
	const template = readFileSync(inject('pgliteTemplate'));
	const client = await PGlite.create({ loadDataDir: new Blob([template]) });
	const db = drizzlePglite({ client, schema }) as unknown as Db;
	return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

export const systemActor: Actor = { kind: 'system', label: 'test' };

export interface TestDb {
	handle: DbHandle;
	db: Db;
	/** A service context acting as the system (full rights) or as the given actor. */
	ctx(actor?: Actor, locale?: Locale): Ctx;
	/** Creates a user with the role and returns a context acting as them. */
	userCtx(role: StaffRole, locale?: Locale): Promise<Ctx>;
}

/** Opens a fresh database before the file's tests and closes it after. */
export function useTestDb(): () => TestDb {
	let testDb: TestDb | undefined;
	beforeAll(async () => {
		const handle = await openTestDb();
		let users = 0;
		const ctx = (actor: Actor = systemActor, locale: Locale = 'da'): Ctx => ({
			db: handle.db,
			actor,
			locale
		});
		testDb = {
			handle,
			db: handle.db,
			ctx,
			async userCtx(role, locale = 'da') {
				const { user } = await createUser(ctx(), {
					email: `${role}${++users}@test.example.dk`,
					name: `${role} ${users}`,
					role,
					password: 'correct horse battery staple'
				});
				return ctx({ kind: 'user', id: user.id, email: user.email, name: user.name, role }, locale);
			}
		};
	});
	afterAll(async () => {
		await testDb?.handle.close();
	});
	return () => {
		if (!testDb) throw new Error('useTestDb() is only ready inside tests');
		return testDb;
	};
}

export { migrate };

/**
 * Runs `work` as a member of the organisation, in its scope, as the app runs a request: one
 * transaction as the app role, so row-level security holds. The `TestDb` given to `work` (for
 * the factories) builds its contexts in the same scope.
 */
export function asMemberOf<T>(
	t: TestDb,
	organisation: OrganisationRef,
	work: (ctx: Ctx, scoped: TestDb) => Promise<T>,
	actor: Actor = systemActor
): Promise<T> {
	return inOrganisation(t.db, organisation.id, (tx) => {
		const ctx = (who: Actor = actor): Ctx => ({
			db: tx,
			actor: who,
			locale: 'da',
			organisation,
			scoped: true
		});
		return work(ctx(), { ...t, db: tx, ctx });
	});
}
