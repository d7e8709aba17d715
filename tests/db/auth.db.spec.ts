import { describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	RateLimitedError,
	ValidationError
} from '../../src/lib/domain/errors';
import { findUserByEmail, findUserById } from '../../src/lib/server/db/queries/users/users';
import { auditLog, memberships, sessions, users } from '../../src/lib/server/db/schema';
import {
	authenticateApiToken,
	createApiToken,
	listApiTokens,
	revokeApiToken,
	signIn,
	signOut,
	validateSessionToken,
	acceptInvitation,
	changeOwnPassword,
	createUser,
	findInvitation,
	inviteUser,
	listUsers,
	resetPassword,
	updateUserByAdmin
} from '../../src/lib/server/services/users';
import { ensureFirstAdmin } from '../../src/lib/server/services/platform';
import { loadConfig } from '../../src/lib/server/config';
import { useTestDb } from './harness';

const testDb = useTestDb();
const PASSWORD = 'correct horse battery staple';

describe('first start', () => {
	it('creates one admin with a one-time password, and only when there are no users', async () => {
		const { handle, db } = testDb();
		const config = loadConfig({ KLYNGERADAR_ADMIN_EMAIL: 'first@brn.example.dk' });
		const first = await ensureFirstAdmin(handle, config);
		expect(first?.email).toBe('first@brn.example.dk');
		expect(first?.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
		const row = await findUserByEmail(db, 'first@brn.example.dk');
		expect(row?.role).toBe('admin');
		expect(row?.mustChangePassword).toBe(true);
		expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
		expect(await ensureFirstAdmin(handle, config)).toBeNull();
		// The one-time password works once typed in.
		const session = await signIn(
			db,
			{ email: 'first@brn.example.dk', password: first?.oneTimePassword ?? '' },
			'10.0.0.1',
			'da'
		);
		expect(session.user.mustChangePassword).toBe(true);
	});
});

describe('users', () => {
	it('refuses a duplicate e-mail, case-insensitively, naming the field', async () => {
		const { ctx } = testDb();
		await createUser(ctx(), {
			email: 'Dup@Example.dk',
			name: 'A',
			role: 'viewer',
			password: PASSWORD
		});
		const attempt = createUser(ctx(), {
			email: 'dup@example.dk',
			name: 'B',
			role: 'viewer',
			password: PASSWORD
		});
		await expect(attempt).rejects.toBeInstanceOf(ValidationError);
		await expect(attempt).rejects.toMatchObject({
			issues: [{ path: ['email'], message: 'Der findes allerede en bruger med denne e-mail.' }]
		});
	});

	it('reports every bad field in the chosen language and writes nothing', async () => {
		const { ctx, db } = testDb();
		const before = (await db.select().from(users)).length;
		const attempt = createUser(ctx(undefined, 'en'), {
			email: 'not-an-email',
			name: '',
			role: 'boss' as 'admin',
			password: 'short'
		});
		await expect(attempt).rejects.toMatchObject({
			message: 'Some fields are not filled in correctly.',
			issues: expect.arrayContaining([
				{ path: ['email'], message: 'Must be a valid e-mail address.' },
				{ path: ['name'], message: 'Required.' },
				{ path: ['role'], message: 'Must be one of: admin, analyst, viewer.' },
				{ path: ['password'], message: 'Must be at least 10 characters.' }
			])
		});
		expect((await db.select().from(users)).length).toBe(before);
	});

	it('only lets admins manage users', async () => {
		const analyst = await testDb().userCtx('analyst');
		await expect(listUsers(analyst)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			createUser(analyst, { email: 'x@example.dk', name: 'X', role: 'admin' })
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('records creation and role changes in the audit log without the password hash', async () => {
		const { db } = testDb();
		const admin = await testDb().userCtx('admin');
		const { user } = await createUser(admin, {
			email: 'audited@example.dk',
			name: 'Audited',
			role: 'viewer',
			password: PASSWORD
		});
		await updateUserByAdmin(admin, user.id, { role: 'analyst' });
		const entries = await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, user.id))
			.orderBy(auditLog.id);
		expect(entries.map((entry) => entry.action)).toEqual(['create', 'update']);
		expect(entries[0]?.actorLabel).toBe(admin.actor.kind === 'user' ? admin.actor.email : '');
		expect(JSON.stringify(entries)).not.toContain('argon2');
		expect(entries[1]?.before).toMatchObject({ role: 'viewer' });
		expect(entries[1]?.after).toMatchObject({ role: 'analyst' });
	});

	it('keeps at least one active admin', async () => {
		const { db } = testDb();
		// Make this admin the only active one.
		const admin = await testDb().userCtx('admin');
		await db
			.update(users)
			.set({ disabledAt: new Date() })
			.where(
				inArray(
					users.id,
					db
						.select({ id: memberships.userId })
						.from(memberships)
						.where(eq(memberships.role, 'admin'))
				)
			);
		if (admin.actor.kind !== 'user') throw new Error('expected a user');
		await db.update(users).set({ disabledAt: null }).where(eq(users.id, admin.actor.id));
		await expect(
			updateUserByAdmin(admin, admin.actor.id, { role: 'viewer' })
		).rejects.toBeInstanceOf(ConflictError);
		await expect(
			updateUserByAdmin(admin, admin.actor.id, { disabled: true })
		).rejects.toBeInstanceOf(ConflictError);
		expect((await findUserById(db, admin.actor.id))?.role).toBe('admin');
	});

	it('invites a user who then chooses a password once', async () => {
		const { db, ctx } = testDb();
		const { invitationPath } = await inviteUser(ctx(), {
			email: 'invitee@example.dk',
			name: 'Invitee',
			role: 'viewer'
		});
		const token = invitationPath.split('/').at(-1) ?? '';
		expect((await findInvitation(db, token, 'da')).email).toBe('invitee@example.dk');
		await expect(
			acceptInvitation(db, token, { password: PASSWORD, confirm: 'something else' }, 'da')
		).rejects.toMatchObject({
			issues: [{ path: ['confirm'], message: 'De to adgangskoder er ikke ens.' }]
		});
		await acceptInvitation(db, token, { password: PASSWORD, confirm: PASSWORD }, 'da');
		await expect(
			acceptInvitation(db, token, { password: PASSWORD, confirm: PASSWORD }, 'da')
		).rejects.toBeInstanceOf(NotFoundError);
		expect(
			(await signIn(db, { email: 'invitee@example.dk', password: PASSWORD }, '10.0.0.2', 'da')).user
				.email
		).toBe('invitee@example.dk');
	});
});

describe('sessions', () => {
	it('signs in, validates and signs out; the cookie token is never stored', async () => {
		const { db, ctx } = testDb();
		await createUser(ctx(), {
			email: 'session@example.dk',
			name: 'S',
			role: 'viewer',
			password: PASSWORD
		});
		const { token } = await signIn(
			db,
			{ email: 'SESSION@example.dk ', password: PASSWORD },
			'10.0.0.3',
			'da'
		);
		const stored = await db.select().from(sessions);
		expect(stored.some((row) => row.id === token)).toBe(false);
		expect((await validateSessionToken(db, token))?.user.email).toBe('session@example.dk');
		await signOut(db, token);
		expect(await validateSessionToken(db, token)).toBeNull();
	});

	it('gives the same message for a wrong e-mail and a wrong password', async () => {
		const { db, ctx } = testDb();
		await createUser(ctx(), {
			email: 'same@example.dk',
			name: 'S',
			role: 'viewer',
			password: PASSWORD
		});
		// One at a time: a second pending rejection would be reported as unhandled.
		await expect(
			signIn(db, { email: 'same@example.dk', password: 'nope nope nope' }, '10.0.0.4', 'da')
		).rejects.toThrow('Forkert e-mail eller adgangskode.');
		await expect(
			signIn(db, { email: 'nobody@example.dk', password: PASSWORD }, '10.0.0.4', 'da')
		).rejects.toThrow('Forkert e-mail eller adgangskode.');
	});

	it('locks an account after ten failures, from every address', async () => {
		const { db, ctx } = testDb();
		await createUser(ctx(), {
			email: 'locked@example.dk',
			name: 'L',
			role: 'viewer',
			password: PASSWORD
		});
		for (let i = 0; i < 10; i++) {
			await expect(
				signIn(db, { email: 'locked@example.dk', password: `wrong ${i}xxxxxxx` }, '10.9.9.9', 'da')
			).rejects.toBeInstanceOf(ValidationError);
		}
		await expect(
			signIn(db, { email: 'locked@example.dk', password: PASSWORD }, '10.9.9.9', 'da')
		).rejects.toBeInstanceOf(RateLimitedError);
		await expect(
			signIn(db, { email: 'locked@example.dk', password: PASSWORD }, '10.9.9.10', 'da')
		).rejects.toBeInstanceOf(RateLimitedError);
	});

	it('refuses disabled users and ends their sessions', async () => {
		const { db, ctx } = testDb();
		const { user } = await createUser(ctx(), {
			email: 'gone@example.dk',
			name: 'G',
			role: 'viewer',
			password: PASSWORD
		});
		const { token } = await signIn(
			db,
			{ email: 'gone@example.dk', password: PASSWORD },
			'10.0.0.5',
			'da'
		);
		await updateUserByAdmin(ctx(), user.id, { disabled: true });
		expect(await validateSessionToken(db, token)).toBeNull();
		await expect(
			signIn(db, { email: 'gone@example.dk', password: PASSWORD }, '10.0.0.5', 'da')
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('changes the own password, keeping only the current session', async () => {
		const { db, ctx } = testDb();
		const { user } = await createUser(ctx(), {
			email: 'change@example.dk',
			name: 'C',
			role: 'viewer',
			password: PASSWORD
		});
		const first = await signIn(
			db,
			{ email: 'change@example.dk', password: PASSWORD },
			'10.0.0.6',
			'da'
		);
		const second = await signIn(
			db,
			{ email: 'change@example.dk', password: PASSWORD },
			'10.0.0.6',
			'da'
		);
		const current = await validateSessionToken(db, first.token);
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
				{
					current: 'wrong wrong wrong',
					password: 'a new long passphrase',
					confirm: 'a new long passphrase'
				},
				current?.sessionId ?? ''
			)
		).rejects.toMatchObject({ issues: [{ path: ['current'] }] });
		await changeOwnPassword(
			self,
			{ current: PASSWORD, password: 'a new long passphrase', confirm: 'a new long passphrase' },
			current?.sessionId ?? ''
		);
		expect(await validateSessionToken(db, first.token)).not.toBeNull();
		expect(await validateSessionToken(db, second.token)).toBeNull();
		await expect(
			signIn(db, { email: 'change@example.dk', password: PASSWORD }, '10.0.0.6', 'da')
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('resets a password to a new one-time password that must be changed', async () => {
		const { db, ctx } = testDb();
		const { user } = await createUser(ctx(), {
			email: 'reset@example.dk',
			name: 'R',
			role: 'viewer',
			password: PASSWORD
		});
		const { oneTimePassword } = await resetPassword(ctx(), user.id);
		const session = await signIn(
			db,
			{ email: 'reset@example.dk', password: oneTimePassword },
			'10.0.0.7',
			'da'
		);
		expect(session.user.mustChangePassword).toBe(true);
	});
});

describe('API tokens', () => {
	it('authenticates with the secret until it is revoked; only the hash is stored', async () => {
		const { db } = testDb();
		const admin = await testDb().userCtx('admin');
		const { token, view } = await createApiToken(admin, { name: 'integration' });
		expect(token).toMatch(/^kr_[a-z2-7]{40}$/);
		expect(view.prefix).toBe(token.slice(0, 8));
		expect(JSON.stringify(await listApiTokens(admin))).not.toContain(token);
		expect((await authenticateApiToken(db, token))?.role).toBe('admin');
		expect(await authenticateApiToken(db, `${token}x`)).toBeNull();
		await revokeApiToken(admin, view.id);
		expect(await authenticateApiToken(db, token)).toBeNull();
		await expect(revokeApiToken(admin, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
	});

	it('refuses expired tokens', async () => {
		const { db } = testDb();
		const admin = await testDb().userCtx('admin');
		const { token, view } = await createApiToken(admin, { name: 'short-lived', expiresInDays: 1 });
		await db.execute(
			sql`update api_tokens set expires_at = now() - interval '1 minute' where id = ${view.id}`
		);
		expect(await authenticateApiToken(db, token)).toBeNull();
	});
});
