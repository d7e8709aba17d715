import { and, asc, count, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { StaffRole } from '../../../../domain/access';
import type { Db, Tx } from '../../client';
import { scopeSql } from '../../scope';
import { memberships, organisations, users } from '../../schema';

/** A user with their role in one organisation (the one in scope, or the one signed in to). */
export type UserRow = typeof users.$inferSelect & { role: StaffRole; organisationId: number };

/** The columns of a user row: the user's own, and the role and organisation of a membership. */
export const userColumns = {
	...getTableColumns(users),
	role: memberships.role,
	organisationId: memberships.organisationId
};

/**
 * A membership of an organisation that is not archived: an archived organisation's users can
 * no longer sign in to it, and its sessions and API tokens no longer open it.
 */
export const openOrganisation = and(
	eq(organisations.id, memberships.organisationId),
	isNull(organisations.archivedAt)
);

/**
 * Joins a user to their membership of the organisation in scope (`app_scope()`): a user
 * who is not a member there has no row, so cannot sign in to it or be listed in it.
 */
export const inScope = and(
	eq(memberships.userId, users.id),
	eq(memberships.organisationId, scopeSql)
);

export async function findUserByEmail(db: Db | Tx, email: string): Promise<UserRow | undefined> {
	const [row] = await db
		.select(userColumns)
		.from(users)
		.innerJoin(memberships, inScope)
		.where(eq(users.email, email.toLowerCase()));
	return row;
}

/** The organisations a user may sign in to, by name: before any scope, at sign-in. */
export async function listOpenMemberships(
	db: Db | Tx,
	userId: string
): Promise<{ organisationId: number; code: string; name: string; role: StaffRole }[]> {
	return db
		.select({
			organisationId: organisations.id,
			code: organisations.code,
			name: organisations.name,
			role: memberships.role
		})
		.from(memberships)
		.innerJoin(organisations, openOrganisation)
		.where(eq(memberships.userId, userId))
		.orderBy(asc(organisations.name));
}

/** A user by e-mail with their membership of one organisation: at sign-in, before any scope. */
export async function findMemberByEmail(
	db: Db | Tx,
	email: string,
	organisationId: number
): Promise<UserRow | undefined> {
	const [row] = await db
		.select(userColumns)
		.from(users)
		.innerJoin(
			memberships,
			and(eq(memberships.userId, users.id), eq(memberships.organisationId, organisationId))
		)
		.innerJoin(organisations, openOrganisation)
		.where(eq(users.email, email.toLowerCase()));
	return row;
}

/** A user by e-mail, whatever their memberships: at sign-in, before any scope. */
export async function findAccountByEmail(
	db: Db | Tx,
	email: string
): Promise<typeof users.$inferSelect | undefined> {
	const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
	return row;
}

export async function findUserById(db: Db | Tx, id: string): Promise<UserRow | undefined> {
	const [row] = await db
		.select(userColumns)
		.from(users)
		.innerJoin(memberships, inScope)
		.where(eq(users.id, id));
	return row;
}

export async function countUsers(db: Db | Tx): Promise<number> {
	const [row] = await db.select({ n: count() }).from(users);
	return row?.n ?? 0;
}

export async function listUsers(db: Db | Tx): Promise<UserRow[]> {
	return db
		.select(userColumns)
		.from(users)
		.innerJoin(memberships, inScope)
		.orderBy(asc(users.email));
}

export interface NewUser {
	email: string;
	name: string;
	role: StaffRole;
	passwordHash: string | null;
	mustChangePassword: boolean;
	passwordExpiresAt?: Date | null;
}

/** The user and their membership of the organisation in scope; call it in a transaction. */
export async function insertUser(db: Db | Tx, user: NewUser): Promise<UserRow> {
	const { role, ...own } = user;
	const [row] = await db
		.insert(users)
		.values({ ...own, email: user.email.toLowerCase() })
		.returning();
	if (!row) throw new Error('insert into users returned no row');
	const [membership] = await db
		.insert(memberships)
		.values({ userId: row.id, role })
		.returning({ organisationId: memberships.organisationId });
	if (!membership) throw new Error('insert into memberships returned no row');
	return { ...row, role, organisationId: membership.organisationId };
}

export async function updateUser(
	db: Db | Tx,
	id: string,
	changes: Partial<
		Pick<
			UserRow,
			| 'name'
			| 'role'
			| 'passwordHash'
			| 'mustChangePassword'
			| 'passwordExpiresAt'
			| 'locale'
			| 'disabledAt'
		>
	>
): Promise<UserRow | undefined> {
	const { role, ...own } = changes;
	if (role !== undefined)
		await db
			.update(memberships)
			.set({ role })
			.where(
				and(eq(memberships.userId, id), eq(memberships.organisationId, sql`app_organisation()`))
			);
	await db
		.update(users)
		.set({ ...own, updatedAt: sql`now()` })
		.where(eq(users.id, id));
	return findUserById(db, id);
}

export async function countActiveAdmins(db: Db | Tx): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(users)
		.innerJoin(memberships, inScope)
		.where(sql`${memberships.role} = 'admin' and ${users.disabledAt} is null`);
	return row?.n ?? 0;
}

/** Remembers where the user acted last, so the next sign-in lands there. */
export async function setLastOrganisation(
	db: Db | Tx,
	userId: string,
	organisationId: number
): Promise<void> {
	await db.update(users).set({ lastOrganisationId: organisationId }).where(eq(users.id, userId));
}

/** The active admins of an organisation (their user ids). */
export async function activeAdminsOf(db: Db | Tx, organisationId: number): Promise<string[]> {
	const rows = await db
		.select({ id: users.id })
		.from(users)
		.innerJoin(
			memberships,
			and(eq(memberships.userId, users.id), eq(memberships.organisationId, organisationId))
		)
		.where(sql`${memberships.role} = 'admin' and ${users.disabledAt} is null`);
	return rows.map((row) => row.id);
}

export async function deleteMembership(
	db: Db | Tx,
	userId: string,
	organisationId: number
): Promise<boolean> {
	const rows = await db
		.delete(memberships)
		.where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)))
		.returning({ userId: memberships.userId });
	return rows.length > 0;
}

export async function setPlatformAdmin(db: Db | Tx, userId: string, on: boolean): Promise<void> {
	await db.update(users).set({ platformAdmin: on }).where(eq(users.id, userId));
}

/** Makes the active admins of one organisation admins of another too (the demo's second). */
export async function copyAdminMemberships(
	db: Db | Tx,
	fromOrganisationId: number,
	toOrganisationId: number
): Promise<void> {
	await db.execute(sql`insert into memberships (user_id, organisation_id, role)
		select m.user_id, ${toOrganisationId}, 'admin' from memberships m
		join users u on u.id = m.user_id and u.disabled_at is null
		where m.organisation_id = ${fromOrganisationId} and m.role = 'admin'
		on conflict do nothing`);
}
