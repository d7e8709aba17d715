import { z } from 'zod';
import type { Actor } from '$lib/domain/access';
import { NotFoundError, RateLimitedError, ValidationError } from '$lib/domain/errors';
import type { Locale } from '$lib/format';
import { beginLoginAttempt } from '../../auth/rate-limit';
import { decoyPasswordHash, generateToken, hashToken, verifyPassword } from '../../auth/secrets';
import type { Db, Tx } from '../../db/client';
import { onlyOrganisation } from '../../db/queries/organisations/organisations';
import { inOrganisation } from '../../db/scope';
import {
	deleteSession,
	extendSession,
	findLiveSession,
	insertSession,
	moveSession
} from '../../db/queries/users/sessions';
import {
	findAccountByEmail,
	findMemberByEmail,
	listOpenMemberships,
	setLastOrganisation,
	type UserRow
} from '../../db/queries/users/users';
import { m } from '../../i18n';
import { logger } from '../../log';
import { recordAudit, type AuditEntry } from '../audit';
import { parseInput } from '../../validation';

const DAY = 24 * 3600 * 1000;
/** Sessions last 30 days and are renewed when fewer than 15 remain, as the Lucia guide suggests. */
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WHEN_LESS_THAN_MS = 15 * DAY;

export const SignInSchema = z.object({
	email: z.string().trim().min(1).max(254),
	password: z.string().min(1).max(200)
});

export interface SignedIn {
	token: string;
	expiresAt: Date;
	user: UserRow;
}

export function toSessionUser(user: UserRow): SessionUser {
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		mustChangePassword: user.mustChangePassword
	};
}

export function userActor(user: UserRow): Actor {
	return {
		kind: 'user',
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		platformAdmin: user.platformAdmin
	};
}

async function startSession(db: Db | Tx, user: UserRow): Promise<SignedIn> {
	const token = generateToken();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await insertSession(db, {
		id: hashToken(token),
		userId: user.id,
		organisationId: user.organisationId,
		expiresAt
	});
	return { token, expiresAt, user };
}

/**
 * The account behind an e-mail with its membership of the organisation it signs in to: the
 * one it used last (`users.last_organisation_id`), else the first by name. Undefined for an
 * unknown e-mail, and for an account with no open membership (all its organisations archived).
 */
async function signInCandidate(db: Db, email: string): Promise<UserRow | undefined> {
	const account = await findAccountByEmail(db, email);
	if (!account) return undefined;
	const open = await listOpenMemberships(db, account.id);
	const chosen =
		open.find((membership) => membership.organisationId === account.lastOrganisationId) ?? open[0];
	return chosen && findMemberByEmail(db, email, chosen.organisationId);
}

/**
 * Where a sign-in attempt is audited: the organisation the account signs in to. An e-mail that
 * names no account belongs to no organisation; with one organisation it is audited there,
 * with several only the server log has it.
 */
async function auditOrganisationOf(db: Db, user: UserRow | undefined): Promise<number | null> {
	if (user) return user.organisationId;
	return onlyOrganisation(db);
}

/**
 * Checks e-mail and password and starts a session. Wrong e-mail and wrong password give the same
 * message and take the same time; repeated failures are rate limited (auth/rate-limit.ts), and the
 * attempt is counted before the password is checked. Sign-ins and checked failures go into the
 * audit log with the client address; refused bursts only into the server log.
 */
export async function signIn(
	db: Db,
	input: { email: string; password: string },
	clientAddress: string,
	locale: Locale
): Promise<SignedIn> {
	const data = parseInput(SignInSchema, input, locale);
	const attempt = await beginLoginAttempt(data.email, clientAddress);
	if (!attempt.allowed) {
		logger.warn('Sign-in refused by the rate limit', { reason: attempt.reason, clientAddress });
		throw new RateLimitedError(
			m.login_rate_limited({ minutes: Math.ceil(attempt.retryAfterSeconds / 60) }, { locale }),
			attempt.retryAfterSeconds
		);
	}
	const user = await signInCandidate(db, data.email);
	const valid = await verifyPassword(
		user?.passwordHash ?? (await decoyPasswordHash()),
		data.password
	);
	const failed = async (reason: string, message = m.login_failed({}, { locale })) => {
		const entry: AuditEntry = {
			entity: 'user',
			entityId: user?.id ?? data.email.toLowerCase(),
			action: 'sign_in_failed',
			after: { email: data.email.toLowerCase(), reason, clientAddress }
		};
		const organisationId = await auditOrganisationOf(db, user);
		if (organisationId === null) logger.warn('Sign-in failed', { reason, clientAddress });
		else
			await inOrganisation(db, organisationId, (tx) =>
				recordAudit(tx, { actor: { kind: 'anonymous' } }, entry)
			);
		throw new ValidationError(message, [{ path: ['password'], message }]);
	};
	if (!user || !user.passwordHash || !valid) return failed(user ? 'password' : 'unknown_email');
	if (user.disabledAt) return failed('disabled');
	if (user.mustChangePassword && user.passwordExpiresAt && user.passwordExpiresAt <= new Date())
		return failed('one_time_password_expired', m.login_one_time_expired({}, { locale }));
	await attempt.succeeded();
	return inOrganisation(db, user.organisationId, async (tx) => {
		await recordAudit(
			tx,
			{ actor: userActor(user) },
			{ entity: 'user', entityId: user.id, action: 'sign_in', after: { clientAddress } }
		);
		return startSession(tx, user);
	});
}

/** Starts a fresh session for a user who has just proven who they are (e.g. changed password). */
export function startSessionFor(db: Db | Tx, user: UserRow): Promise<SignedIn> {
	return startSession(db, user);
}

export interface ValidSession {
	sessionId: string;
	user: UserRow;
	expiresAt: Date;
	/** True when the expiry moved and the cookie should be sent again. */
	renewed: boolean;
}

/** The user behind a session cookie, or null for unknown, expired or disabled. */
export async function validateSessionToken(db: Db, token: string): Promise<ValidSession | null> {
	const now = new Date();
	const sessionId = hashToken(token);
	const found = await findLiveSession(db, sessionId, now);
	if (!found || found.user.disabledAt) return null;
	let expiresAt = found.expiresAt;
	let renewed = false;
	if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LESS_THAN_MS) {
		expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await extendSession(db, sessionId, expiresAt);
		renewed = true;
	}
	return { sessionId, user: found.user, expiresAt, renewed };
}

/**
 * Moves the browser's session to another organisation the user is a member of (the header's
 * switcher), and remembers it for the next sign-in. NotFound for any other organisation, so
 * the answer does not tell which organisations exist.
 */
export async function switchOrganisation(
	db: Db,
	session: { sessionId: string; userId: string },
	code: string,
	locale: Locale
): Promise<{ organisationId: number }> {
	const open = await listOpenMemberships(db, session.userId);
	const target = open.find((membership) => membership.code === code);
	if (!target) throw new NotFoundError(m.error_not_found({}, { locale }));
	await db.transaction(async (tx) => {
		await moveSession(tx, session.sessionId, target.organisationId);
		await setLastOrganisation(tx, session.userId, target.organisationId);
	});
	return { organisationId: target.organisationId };
}

export async function signOut(db: Db, token: string): Promise<void> {
	await deleteSession(db, hashToken(token));
}
