import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { memberships, organisations, sessions, users } from '../../schema';
import { openOrganisation, userColumns, type UserRow } from './users';

export async function insertSession(
	db: Db | Tx,
	session: { id: string; userId: string; organisationId: number; expiresAt: Date }
): Promise<void> {
	await db.insert(sessions).values(session);
}

/**
 * The session and its user with their membership of the session's organisation, when the
 * session exists, has not expired, and the user is still a member of an organisation that is
 * not archived. Runs before any scope: the session names the organisation.
 */
export async function findLiveSession(
	db: Db | Tx,
	id: string,
	now: Date
): Promise<{ sessionId: string; expiresAt: Date; user: UserRow } | undefined> {
	const [row] = await db
		.select({ sessionId: sessions.id, expiresAt: sessions.expiresAt, user: userColumns })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.innerJoin(
			memberships,
			and(eq(memberships.userId, users.id), eq(memberships.organisationId, sessions.organisationId))
		)
		.innerJoin(organisations, openOrganisation)
		.where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
	return row;
}

export async function extendSession(db: Db | Tx, id: string, expiresAt: Date): Promise<void> {
	await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
}

/** Moves a session to another organisation of its user (the header's switcher). */
export async function moveSession(db: Db | Tx, id: string, organisationId: number): Promise<void> {
	await db.update(sessions).set({ organisationId }).where(eq(sessions.id, id));
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
