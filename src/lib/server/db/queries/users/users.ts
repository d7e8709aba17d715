import { asc, count, eq, sql } from 'drizzle-orm';
import type { StaffRole } from '../../../../domain/access';
import type { Db, Tx } from '../../client';
import { users } from '../../schema';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db | Tx, email: string): Promise<UserRow | undefined> {
	const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
	return row;
}

export async function findUserById(db: Db | Tx, id: string): Promise<UserRow | undefined> {
	const [row] = await db.select().from(users).where(eq(users.id, id));
	return row;
}

export async function countUsers(db: Db | Tx): Promise<number> {
	const [row] = await db.select({ n: count() }).from(users);
	return row?.n ?? 0;
}

export async function listUsers(db: Db | Tx): Promise<UserRow[]> {
	return db.select().from(users).orderBy(asc(users.email));
}

export interface NewUser {
	email: string;
	name: string;
	role: StaffRole;
	passwordHash: string | null;
	mustChangePassword: boolean;
	passwordExpiresAt?: Date | null;
}

export async function insertUser(db: Db | Tx, user: NewUser): Promise<UserRow> {
	const [row] = await db
		.insert(users)
		.values({ ...user, email: user.email.toLowerCase() })
		.returning();
	if (!row) throw new Error('insert into users returned no row');
	return row;
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
	const [row] = await db
		.update(users)
		.set({ ...changes, updatedAt: sql`now()` })
		.where(eq(users.id, id))
		.returning();
	return row;
}

export async function countActiveAdmins(db: Db | Tx): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(users)
		.where(sql`${users.role} = 'admin' and ${users.disabledAt} is null`);
	return row?.n ?? 0;
}
