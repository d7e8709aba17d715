import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { memberships, userInvitations, users } from '../../schema';
import { inScope, userColumns, type UserRow } from './users';

export async function insertInvitation(
	db: Db | Tx,
	invitation: { userId: string; tokenHash: string; expiresAt: Date }
): Promise<void> {
	await db.insert(userInvitations).values(invitation);
}

/** An unused, unexpired invitation and the user it is for. */
export async function findOpenInvitation(
	db: Db | Tx,
	tokenHash: string,
	now: Date
): Promise<{ invitationId: string; user: UserRow } | undefined> {
	const [row] = await db
		.select({ invitationId: userInvitations.id, user: userColumns })
		.from(userInvitations)
		.innerJoin(users, eq(users.id, userInvitations.userId))
		.innerJoin(memberships, inScope)
		.where(
			and(
				eq(userInvitations.tokenHash, tokenHash),
				isNull(userInvitations.usedAt),
				gt(userInvitations.expiresAt, now)
			)
		);
	return row;
}

export async function markInvitationUsed(db: Db | Tx, id: string, at: Date): Promise<void> {
	await db.update(userInvitations).set({ usedAt: at }).where(eq(userInvitations.id, id));
}
