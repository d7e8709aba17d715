import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import {
	clusters,
	surveyInvitations,
	surveyInvitationTokens,
	surveyResponses,
	surveyRounds
} from '../../schema';

export type InvitationRow = typeof surveyInvitations.$inferSelect;

export async function insertInvitations(
	db: Db | Tx,
	rows: { roundId: number; clusterId: number; recipientEmail: string | null }[]
): Promise<InvitationRow[]> {
	if (rows.length === 0) return [];
	return db.insert(surveyInvitations).values(rows).onConflictDoNothing().returning();
}

export interface InvitationStatusRow {
	invitationId: string;
	clusterId: number;
	clusterSlug: string;
	clusterName: string;
	shortName: string;
	recipientEmail: string | null;
	revokedAt: Date | null;
	lastSentAt: Date | null;
	reminders: number;
	status: 'not_started' | 'partial' | 'completed';
	lastActivityAt: Date | null;
	submittedAt: Date | null;
	source: 'link' | 'import' | 'analyst' | null;
}

/** Every invited cluster of a round with the state of its response. */
export async function listInvitationStatus(
	db: Db | Tx,
	roundId: number
): Promise<InvitationStatusRow[]> {
	const rows = await db
		.select({
			invitationId: surveyInvitations.id,
			clusterId: clusters.id,
			clusterSlug: clusters.slug,
			clusterName: clusters.name,
			shortName: clusters.shortName,
			recipientEmail: surveyInvitations.recipientEmail,
			revokedAt: surveyInvitations.revokedAt,
			lastSentAt: surveyInvitations.lastSentAt,
			reminders: surveyInvitations.reminders,
			status: surveyResponses.status,
			lastActivityAt: surveyResponses.lastActivityAt,
			submittedAt: surveyResponses.submittedAt,
			source: surveyResponses.source
		})
		.from(surveyInvitations)
		.innerJoin(clusters, eq(clusters.id, surveyInvitations.clusterId))
		.leftJoin(
			surveyResponses,
			and(
				ownedBy(surveyResponses),
				eq(surveyResponses.roundId, surveyInvitations.roundId),
				eq(surveyResponses.clusterId, surveyInvitations.clusterId)
			)
		)
		.where(and(ownedBy(surveyInvitations), eq(surveyInvitations.roundId, roundId)))
		.orderBy(asc(clusters.name));
	return rows.map((row) => ({ ...row, status: row.status ?? 'not_started' }));
}

export async function findInvitation(db: Db | Tx, id: string): Promise<InvitationRow | undefined> {
	const [row] = await db
		.select()
		.from(surveyInvitations)
		.where(and(ownedBy(surveyInvitations), eq(surveyInvitations.id, id)));
	return row;
}

export async function insertToken(
	db: Db | Tx,
	row: typeof surveyInvitationTokens.$inferInsert
): Promise<void> {
	await db.insert(surveyInvitationTokens).values(row);
}

export interface TokenLookup {
	organisationId: number;
	expiresAt: Date;
	revokedAt: Date | null;
	invitation: InvitationRow;
	round: typeof surveyRounds.$inferSelect;
	cluster: { id: number; slug: string; name: string; shortName: string };
}

export async function findToken(db: Db | Tx, tokenHash: string): Promise<TokenLookup | undefined> {
	const [row] = await db
		.select({
			organisationId: surveyInvitationTokens.organisationId,
			expiresAt: surveyInvitationTokens.expiresAt,
			revokedAt: surveyInvitationTokens.revokedAt,
			invitation: surveyInvitations,
			round: surveyRounds,
			cluster: {
				id: clusters.id,
				slug: clusters.slug,
				name: clusters.name,
				shortName: clusters.shortName
			}
		})
		.from(surveyInvitationTokens)
		.innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyInvitationTokens.invitationId))
		.innerJoin(surveyRounds, eq(surveyRounds.id, surveyInvitations.roundId))
		.innerJoin(clusters, eq(clusters.id, surveyInvitations.clusterId))
		.where(eq(surveyInvitationTokens.tokenHash, tokenHash));
	return row;
}

export async function markSent(db: Db | Tx, id: string, reminder: boolean): Promise<void> {
	await db
		.update(surveyInvitations)
		.set({
			lastSentAt: sql`now()`,
			reminders: reminder ? sql`${surveyInvitations.reminders} + 1` : surveyInvitations.reminders,
			revokedAt: null
		})
		.where(and(ownedBy(surveyInvitations), eq(surveyInvitations.id, id)));
}

/** Revokes every link of the invitation sent so far; a later invitation mints a new one. */
export async function revokeInvitation(
	db: Db | Tx,
	id: string
): Promise<InvitationRow | undefined> {
	const [row] = await db
		.update(surveyInvitations)
		.set({ revokedAt: sql`now()` })
		.where(and(ownedBy(surveyInvitations), eq(surveyInvitations.id, id)))
		.returning();
	await db
		.update(surveyInvitationTokens)
		.set({ revokedAt: sql`now()` })
		.where(
			and(
				ownedBy(surveyInvitationTokens),
				eq(surveyInvitationTokens.invitationId, id),
				isNull(surveyInvitationTokens.revokedAt)
			)
		);
	return row;
}

export async function setRecipient(db: Db | Tx, id: string, email: string | null): Promise<void> {
	await db
		.update(surveyInvitations)
		.set({ recipientEmail: email })
		.where(and(ownedBy(surveyInvitations), eq(surveyInvitations.id, id)));
}
