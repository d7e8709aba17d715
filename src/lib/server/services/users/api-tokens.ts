import { z } from 'zod';
import { NotFoundError } from '$lib/domain/errors';
import { generateToken, hashToken } from '../../auth/secrets';
import type { Db } from '../../db/client';
import {
	findApiToken,
	findApiTokenWithUser,
	insertApiToken,
	listApiTokens as listTokenRows,
	revokeApiToken as revokeTokenRow,
	touchApiToken,
	type ApiTokenRow
} from '../../db/queries/users/api-tokens';
import { findUserByEmail, findUserById, type UserRow } from '../../db/queries/users/users';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';

/** Tokens look like `kr_<40 base32 chars>`; the prefix makes leaked tokens easy to recognise. */
const TOKEN_PREFIX = 'kr_';

export interface ApiTokenView {
	id: string;
	name: string;
	prefix: string;
	userEmail: string;
	createdAt: Date;
	expiresAt: Date | null;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
	active: boolean;
}

function toView(row: ApiTokenRow & { userEmail: string }, now = new Date()): ApiTokenView {
	return {
		id: row.id,
		name: row.name,
		prefix: row.prefix,
		userEmail: row.userEmail,
		createdAt: row.createdAt,
		expiresAt: row.expiresAt,
		lastUsedAt: row.lastUsedAt,
		revokedAt: row.revokedAt,
		active: row.revokedAt === null && (row.expiresAt === null || row.expiresAt > now)
	};
}

export const CreateApiTokenSchema = z.object({
	name: z.string().trim().min(1).max(100),
	/** Whose token it is; by default the caller's own. */
	userEmail: z.email().max(254).optional(),
	expiresInDays: z.coerce.number().int().min(1).max(3650).optional()
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;

/** Creates a token and returns its secret once; only the hash is kept. */
export async function createApiToken(
	ctx: Ctx,
	input: CreateApiTokenInput
): Promise<{ token: string; view: ApiTokenView }> {
	requireRole(ctx, 'admin');
	const data = parseInput(CreateApiTokenSchema, input, ctx.locale);
	let owner: UserRow | undefined;
	if (data.userEmail) owner = await findUserByEmail(ctx.db, data.userEmail);
	else if (ctx.actor.kind === 'user') owner = await findUserById(ctx.db, ctx.actor.id);
	if (!owner) throw new NotFoundError(m.users_not_found({}, { locale: ctx.locale }));
	const user = owner;
	const secret = TOKEN_PREFIX + generateToken();
	const expiresAt = data.expiresInDays
		? new Date(Date.now() + data.expiresInDays * 24 * 3600 * 1000)
		: null;
	const row = await ctx.db.transaction(async (tx) => {
		const inserted = await insertApiToken(tx, {
			userId: user.id,
			name: data.name,
			tokenHash: hashToken(secret),
			prefix: secret.slice(0, 8),
			expiresAt
		});
		const { tokenHash: _hash, ...auditable } = inserted;
		await recordAudit(tx, ctx, {
			entity: 'api-token',
			entityId: inserted.id,
			action: 'create',
			after: auditable
		});
		return inserted;
	});
	return { token: secret, view: toView({ ...row, userEmail: user.email }) };
}

export async function listApiTokens(ctx: Ctx): Promise<ApiTokenView[]> {
	requireRole(ctx, 'admin');
	const now = new Date();
	return (await listTokenRows(ctx.db)).map((row) => toView(row, now));
}

export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
	requireRole(ctx, 'admin');
	const idOk = z.uuid().safeParse(id).success;
	await ctx.db.transaction(async (tx) => {
		const before = idOk ? await findApiToken(tx, id) : undefined;
		if (!before) throw new NotFoundError(m.tokens_not_found({}, { locale: ctx.locale }));
		const after = await revokeTokenRow(tx, id, new Date());
		if (!after) return; // already revoked: nothing to do, nothing to record
		const strip = ({ tokenHash: _hash, ...rest }: ApiTokenRow) => rest;
		await recordAudit(tx, ctx, {
			entity: 'api-token',
			entityId: id,
			action: 'update',
			before: strip(before),
			after: strip(after)
		});
	});
}

/** The user behind a bearer token, or null for unknown, revoked, expired or disabled. */
export async function authenticateApiToken(db: Db, secret: string): Promise<UserRow | null> {
	if (!secret.startsWith(TOKEN_PREFIX)) return null;
	const found = await findApiTokenWithUser(db, hashToken(secret));
	const now = new Date();
	if (!found || found.token.revokedAt) return null;
	if (found.token.expiresAt && found.token.expiresAt <= now) return null;
	if (found.user.disabledAt) return null;
	await touchApiToken(db, found.token.id, now);
	return found.user;
}
