/**
 * The sign-in findings of the outside probe: parallel bursts, lock-out by address, one-time
 * passwords, password strength and the audit of sign-ins. The limiter is per process, so every
 * case uses its own accounts and addresses.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { RateLimitedError, ValidationError } from '../../src/lib/domain/errors';
import { ACCOUNT_ATTEMPTS, ADDRESS_ATTEMPTS } from '../../src/lib/server/auth/rate-limit';
import { auditLog, users } from '../../src/lib/server/db/schema';
import {
	signIn,
	acceptInvitation,
	changeOwnPassword,
	createUser,
	inviteUser,
	resetPassword,
	validateSessionToken
} from '../../src/lib/server/services/users';
import { useTestDb } from './harness';

const testDb = useTestDb();
const PASSWORD = 'correct horse battery staple';

async function newUser(email: string) {
	const { ctx } = testDb();
	return (await createUser(ctx(), { email, name: 'Probe', role: 'viewer', password: PASSWORD }))
		.user;
}

const attempt = (email: string, password: string, address: string) =>
	signIn(testDb().db, { email, password }, address, 'da');

/** Runs every attempt at once and sorts the outcomes. */
async function burst(attempts: (() => Promise<unknown>)[]) {
	const settled = await Promise.allSettled(attempts.map((run) => run()));
	return {
		signedIn: settled.filter((s) => s.status === 'fulfilled').length,
		wrong: settled.filter((s) => s.status === 'rejected' && s.reason instanceof ValidationError)
			.length,
		limited: settled.filter((s) => s.status === 'rejected' && s.reason instanceof RateLimitedError)
			.length
	};
}

const auditOf = (entityId: string, action: 'sign_in' | 'sign_in_failed' | 'password_change') =>
	testDb()
		.db.select()
		.from(auditLog)
		.where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe('the sign-in rate limit under parallel attempts', () => {
	it('checks no more than the limit of a burst of 300 wrong passwords', async () => {
		const user = await newUser('burst@example.dk');
		const outcome = await burst(
			Array.from(
				{ length: 300 },
				(_, i) => () => attempt('burst@example.dk', `wrong guess ${i} xyz`, '10.1.0.1')
			)
		);
		expect(outcome).toEqual({
			signedIn: 0,
			wrong: ACCOUNT_ATTEMPTS,
			limited: 300 - ACCOUNT_ATTEMPTS
		});
		expect(await auditOf(user.id, 'sign_in_failed')).toHaveLength(ACCOUNT_ATTEMPTS);
	});

	it('does not let the right password through at #151 of a burst of 200', async () => {
		await newUser('needle@example.dk');
		const outcome = await burst(
			Array.from(
				{ length: 200 },
				(_, i) => () =>
					attempt('needle@example.dk', i === 150 ? PASSWORD : `wrong guess ${i} xyz`, '10.1.0.2')
			)
		);
		expect(outcome.signedIn).toBe(0);
		expect(outcome.wrong).toBe(ACCOUNT_ATTEMPTS);
	});

	it('gives the points back on a correct password', async () => {
		await newUser('forgiven@example.dk');
		for (let i = 0; i < ACCOUNT_ATTEMPTS - 1; i++) {
			await expect(
				attempt('forgiven@example.dk', 'not it at all', '10.1.0.3')
			).rejects.toBeInstanceOf(ValidationError);
		}
		await attempt('forgiven@example.dk', PASSWORD, '10.1.0.3');
		await expect(
			attempt('forgiven@example.dk', 'not it at all', '10.1.0.3')
		).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('failures from one address', () => {
	it('do not lock out an account in good standing behind it, but refuse accounts with failures', async () => {
		const address = '10.2.0.1';
		await newUser('colleague@example.dk');
		await newUser('target@example.dk');
		// Thirty failures over many names from the shared address (an office behind one proxy).
		for (let i = 0; i < ADDRESS_ATTEMPTS; i++) {
			await expect(attempt(`nobody${i}@example.dk`, 'guess guess', address)).rejects.toBeInstanceOf(
				ValidationError
			);
		}
		// A colleague with no failures signs in with the right password.
		expect((await attempt('colleague@example.dk', PASSWORD, address)).user.email).toBe(
			'colleague@example.dk'
		);
		// From that address, an account gets one checked guess; after it the address limit holds.
		await expect(attempt('target@example.dk', 'first guess', address)).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(attempt('target@example.dk', PASSWORD, address)).rejects.toBeInstanceOf(
			RateLimitedError
		);
		// From another address the same account is still open.
		expect((await attempt('target@example.dk', PASSWORD, '10.2.0.2')).user.email).toBe(
			'target@example.dk'
		);
	});
});

describe('one-time passwords', () => {
	it('expire after 24 hours with their own message, and the audit says why', async () => {
		const { ctx, db } = testDb();
		const user = await newUser('otp@example.dk');
		const { oneTimePassword } = await resetPassword(ctx(), user.id);
		const [row] = await db.select().from(users).where(eq(users.id, user.id));
		const hours = ((row?.passwordExpiresAt?.getTime() ?? 0) - Date.now()) / 3600_000;
		expect(hours).toBeGreaterThan(23.9);
		expect(hours).toBeLessThanOrEqual(24);
		await db
			.update(users)
			.set({ passwordExpiresAt: new Date(Date.now() - 1000) })
			.where(eq(users.id, user.id));
		await expect(attempt('otp@example.dk', oneTimePassword, '10.3.0.1')).rejects.toThrow(
			'Engangsadgangskoden er udløbet. Bed en administrator om en ny.'
		);
		const [failed] = await auditOf(user.id, 'sign_in_failed');
		expect(failed?.after).toMatchObject({ reason: 'one_time_password_expired' });
	});
});

describe('password strength', () => {
	it.each([
		['aaaaaaaaaa', 'Adgangskoden er for let at gætte.'],
		['          ', 'Adgangskoden må ikke kun bestå af mellemrum.'],
		['strength@example.dk', 'Adgangskoden må ikke indeholde din e-mailadresse.']
	])('refuses %j when an admin sets it, on the password field', async (password, message) => {
		const { ctx, db } = testDb();
		await expect(
			createUser(ctx(), { email: 'strength@example.dk', name: 'S', role: 'viewer', password })
		).rejects.toMatchObject({
			issues: [{ path: ['password'], message: expect.stringContaining(message) as string }]
		});
		expect(await db.select().from(users).where(eq(users.email, 'strength@example.dk'))).toEqual([]);
	});

	it('refuses a weak password when a user changes their own or accepts an invitation', async () => {
		const { ctx, db } = testDb();
		const user = await newUser('own@example.dk');
		const self = ctx({
			kind: 'user',
			id: user.id,
			email: user.email,
			name: user.name,
			role: 'viewer'
		});
		await expect(
			changeOwnPassword(
				self,
				{ current: PASSWORD, password: 'own@example.dk1', confirm: 'own@example.dk1' },
				'none'
			)
		).rejects.toMatchObject({ issues: [{ path: ['password'] }] });
		const { invitationPath } = await inviteUser(ctx(), {
			email: 'invited.weak@example.dk',
			name: 'I',
			role: 'viewer'
		});
		const token = invitationPath.split('/').at(-1) ?? '';
		await expect(
			acceptInvitation(db, token, { password: 'password123', confirm: 'password123' }, 'en')
		).rejects.toMatchObject({
			issues: [{ path: ['password'], message: expect.stringContaining('too easy') as string }]
		});
	});
});

describe('the audit log of sign-ins', () => {
	it('records sign-ins, failed sign-ins and password changes, never the password', async () => {
		const { ctx } = testDb();
		const user = await newUser('audited@example.dk');
		await expect(
			attempt('audited@example.dk', 'wrong wrong wrong', '10.4.0.1')
		).rejects.toBeInstanceOf(ValidationError);
		const session = await attempt('audited@example.dk', PASSWORD, '10.4.0.1');
		await attempt('unknown.person@example.dk', PASSWORD, '10.4.0.1').catch(() => undefined);
		const self = ctx({
			kind: 'user',
			id: user.id,
			email: user.email,
			name: user.name,
			role: 'viewer'
		});
		await changeOwnPassword(
			self,
			{ current: PASSWORD, password: 'a brand new passphrase', confirm: 'a brand new passphrase' },
			(await validateSessionToken(testDb().db, session.token))?.sessionId ?? ''
		);
		const [signedIn] = await auditOf(user.id, 'sign_in');
		expect(signedIn).toMatchObject({
			actorLabel: 'audited@example.dk',
			after: { clientAddress: '10.4.0.1' }
		});
		const [failed] = await auditOf(user.id, 'sign_in_failed');
		expect(failed).toMatchObject({ actorLabel: 'anonymous', after: { reason: 'password' } });
		const [unknown] = await auditOf('unknown.person@example.dk', 'sign_in_failed');
		expect(unknown?.after).toMatchObject({ reason: 'unknown_email' });
		const [changed] = await auditOf(user.id, 'password_change');
		expect(changed?.actorLabel).toBe('audited@example.dk');
		const everything = JSON.stringify([signedIn, failed, unknown, changed]);
		for (const secret of [PASSWORD, 'wrong wrong wrong', 'a brand new passphrase', '$argon2'])
			expect(everything).not.toContain(secret);
	});
});
