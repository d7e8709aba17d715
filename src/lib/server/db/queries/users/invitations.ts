import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import { memberships, userInvitations, users } from '../../schema';
import { userColumns, type UserRow } from './users';

export async function insertInvitation(
	db: Db | Tx,
	invitation: { userId: string; tokenHash: string; expiresAt: Date }
): Promise<void> {
	await db.insert(userInvitations).values(invitation);
}

/**
 * An unused, unexpired invitation and the user it is for, with their membership of the
 * organisation that invited them. Runs before any scope: the link names the organisation.
 */
export async function findOpenInvitation(
	db: Db | Tx,
	tokenHash: string,
	now: Date
): Promise<{ invitationId: string; user: UserRow } | undefined> {
	const [row] = await db
		.select({ invitationId: userInvitations.id, user: userColumns })
		.from(userInvitations)
		.innerJoin(users, eq(users.id, userInvitations.userId))
		.innerJoin(
			memberships,
			and(
				eq(memberships.userId, users.id),
				eq(memberships.organisationId, userInvitations.organisationId)
			)
		)
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
	await db
		.update(userInvitations)
		.set({ usedAt: at })
		.where(and(ownedBy(userInvitations), eq(userInvitations.id, id)));
}
