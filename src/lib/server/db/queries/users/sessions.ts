import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { memberships, sessions, users } from '../../schema';
import { inScope, userColumns, type UserRow } from './users';

export async function insertSession(
	db: Db | Tx,
	session: { id: string; userId: string; expiresAt: Date }
): Promise<void> {
	await db.insert(sessions).values(session);
}

/** The session and its user, when the session exists and has not expired. */
export async function findLiveSession(
	db: Db | Tx,
	id: string,
	now: Date
): Promise<{ sessionId: string; expiresAt: Date; user: UserRow } | undefined> {
	const [row] = await db
		.select({ sessionId: sessions.id, expiresAt: sessions.expiresAt, user: userColumns })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.innerJoin(memberships, inScope)
		.where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
	return row;
}

export async function extendSession(db: Db | Tx, id: string, expiresAt: Date): Promise<void> {
	await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db | Tx, id: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends a user's sessions, except the one given (the browser that asked). */
export async function deleteSessionsOfUser(
	db: Db | Tx,
	userId: string,
	exceptSessionId?: string
): Promise<void> {
	await db
		.delete(sessions)
		.where(
			and(
				eq(sessions.userId, userId),
				exceptSessionId === undefined ? undefined : ne(sessions.id, exceptSessionId)
			)
		);
}

export async function deleteExpiredSessions(db: Db | Tx, now: Date): Promise<void> {
	await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
