import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { StaffRole } from '../../../../domain/access';
import type { Db, Tx } from '../../client';
import { memberships, users } from '../../schema';

/** A user with their role in the organisation in scope. */
export type UserRow = typeof users.$inferSelect & { role: StaffRole };

/** The columns of a user row: the user's own, and the role of their membership. */
export const userColumns = { ...getTableColumns(users), role: memberships.role };

/**
 * Joins a user to their membership of the organisation in scope (`app_organisation()`): a user
 * who is not a member there has no row, so cannot sign in to it or be listed in it.
 */
export const inScope = and(
	eq(memberships.userId, users.id),
	eq(memberships.organisationId, sql`app_organisation()`)
);

export async function findUserByEmail(db: Db | Tx, email: string): Promise<UserRow | undefined> {
	const [row] = await db
		.select(userColumns)
		.from(users)
		.innerJoin(memberships, inScope)
		.where(eq(users.email, email.toLowerCase()));
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
	await db.insert(memberships).values({ userId: row.id, role });
	return { ...row, role };
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
