import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import { apiTokens, memberships, organisations, users } from '../../schema';
import { openOrganisation, userColumns, type UserRow } from './users';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertApiToken(
	db: Db | Tx,
	token: Pick<ApiTokenRow, 'userId' | 'name' | 'tokenHash' | 'prefix' | 'expiresAt'>
): Promise<ApiTokenRow> {
	const [row] = await db.insert(apiTokens).values(token).returning();
	if (!row) throw new Error('insert into api_tokens returned no row');
	return row;
}

export async function findApiTokenWithUser(
	db: Db | Tx,
	tokenHash: string
): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
	const [row] = await db
		.select({ token: apiTokens, user: userColumns })
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.innerJoin(
			memberships,
			and(
				eq(memberships.userId, users.id),
				eq(memberships.organisationId, apiTokens.organisationId)
			)
		)
		.innerJoin(organisations, openOrganisation)
		.where(eq(apiTokens.tokenHash, tokenHash));
	return row;
}

export async function touchApiToken(db: Db | Tx, id: string, at: Date): Promise<void> {
	await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

export async function listApiTokens(db: Db | Tx): Promise<(ApiTokenRow & { userEmail: string })[]> {
	const rows = await db
		.select({ token: apiTokens, userEmail: users.email })
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(ownedBy(apiTokens))
		.orderBy(desc(apiTokens.createdAt));
	return rows.map((row) => ({ ...row.token, userEmail: row.userEmail }));
}

export async function findApiToken(db: Db | Tx, id: string): Promise<ApiTokenRow | undefined> {
	const [row] = await db
		.select()
		.from(apiTokens)
		.where(and(ownedBy(apiTokens), eq(apiTokens.id, id)));
	return row;
}

export async function revokeApiToken(
	db: Db | Tx,
	id: string,
	at: Date
): Promise<ApiTokenRow | undefined> {
	const [row] = await db
		.update(apiTokens)
		.set({ revokedAt: at })
		.where(and(ownedBy(apiTokens), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
		.returning();
	return row;
}
