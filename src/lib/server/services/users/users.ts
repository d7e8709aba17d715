import { z } from 'zod';
import { staffRoles, type StaffRole } from '$lib/domain/access';
import { ConflictError, NotFoundError, ValidationError } from '$lib/domain/errors';
import type { Db } from '../../db/client';
import { inOrganisation } from '../../db/scope';
import {
	findOpenInvitation,
	insertInvitation,
	markInvitationUsed
} from '../../db/queries/users/invitations';
import { deleteSessionsOfUser } from '../../db/queries/users/sessions';
import {
	countActiveAdmins,
	findAccountByEmail,
	setPlatformAdmin,
	findUserById,
	insertUser,
	listUsers as listUserRows,
	updateUser,
	type UserRow
} from '../../db/queries/users/users';
import {
	generateOneTimePassword,
	generateToken,
	hashPassword,
	hashToken,
	verifyPassword
} from '../../auth/secrets';
import { passwordProblem } from '../../auth/password-strength';
import { m } from '../../i18n';
import { isUuid } from '../../route-params';
import { parseInput } from '../../validation';
import { requireRole } from '../access';
import { userActor } from './sessions';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import type { Locale } from '$lib/format';

const INVITATION_DAYS = 7;
/** A generated one-time password works this long; after that an admin must make a new one. */
export const ONE_TIME_PASSWORD_HOURS = 24;

const oneTimePasswordExpiry = () => new Date(Date.now() + ONE_TIME_PASSWORD_HOURS * 3600 * 1000);

/**
 * Refuses a password that is easy to guess or leans on the user's own e-mail, with the message on
 * the password field (see auth/password-strength.ts for the rule).
 */
async function assertStrongPassword(
	password: string,
	who: { email?: string; name?: string },
	locale: Locale
): Promise<void> {
	const problem = await passwordProblem(password, who);
	if (!problem) return;
	const message =
		problem === 'blank'
			? m.validation_password_blank({}, { locale })
			: problem === 'contains_email'
				? m.validation_password_contains_email({}, { locale })
				: m.validation_password_weak({}, { locale });
	throw new ValidationError(m.validation_failed({}, { locale }), [{ path: ['password'], message }]);
}

/** A user as shown to admins and returned by the API: never the password hash. */
export interface UserView {
	id: string;
	email: string;
	name: string;
	role: StaffRole;
	locale: 'da' | 'en';
	mustChangePassword: boolean;
	hasPassword: boolean;
	disabled: boolean;
	createdAt: Date;
}

export function toUserView(row: UserRow): UserView {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		locale: row.locale,
		mustChangePassword: row.mustChangePassword,
		hasPassword: row.passwordHash !== null,
		disabled: row.disabledAt !== null,
		createdAt: row.createdAt
	};
}

/** A user id is a UUID; anything else names no user (and must not reach the uuid column). */
function assertUserId(ctx: Ctx, id: string): void {
	if (!isUuid(id)) throw new NotFoundError(m.users_not_found({}, { locale: ctx.locale }));
}

/** The audit entry for a new password; never the password or its hash. */
function passwordChanged(user: UserRow, how: 'own' | 'invitation') {
	return {
		entity: 'user',
		entityId: user.id,
		action: 'password_change' as const,
		after: { email: user.email, how }
	};
}

/** What the audit log keeps of a user: no password hash. */
function auditable(row: UserRow) {
	const { passwordHash: _omit, ...rest } = row;
	return { ...rest, hasPassword: row.passwordHash !== null };
}

const PasswordSchema = z.string().min(10).max(200);

export const CreateUserSchema = z.object({
	email: z
		.email()
		.max(254)
		.transform((value) => value.trim().toLowerCase()),
	name: z.string().trim().min(1).max(200),
	role: z.enum(staffRoles),
	/** Leave out to get a generated one-time password the user must change. */
	password: PasswordSchema.optional()
});
export type CreateUserInput = z.input<typeof CreateUserSchema>;

export const InviteUserSchema = CreateUserSchema.omit({ password: true });
export type InviteUserInput = z.input<typeof InviteUserSchema>;

/**
 * An e-mail names one account in the whole installation. An account of another organisation
 * is not taken over here: a platform admin adds it to this organisation.
 */
async function assertEmailFree(ctx: Ctx, email: string): Promise<void> {
	if (await findAccountByEmail(ctx.db, email)) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{ path: ['email'], message: m.users_email_taken({}, { locale: ctx.locale }) }
		]);
	}
}

/**
 * Creates a staff user. Without a password, a one-time password is generated and returned once;
 * the user must replace it at first sign-in.
 */
export async function createUser(
	ctx: Ctx,
	input: CreateUserInput
): Promise<{ user: UserView; oneTimePassword?: string }> {
	requireRole(ctx, 'admin');
	const data = parseInput(CreateUserSchema, input, ctx.locale);
	await assertEmailFree(ctx, data.email);
	if (data.password) await assertStrongPassword(data.password, data, ctx.locale);
	const oneTimePassword = data.password ? undefined : generateOneTimePassword();
	const passwordHash = await hashPassword(data.password ?? oneTimePassword ?? '');
	const row = await ctx.db.transaction(async (tx) => {
		const user = await insertUser(tx, {
			email: data.email,
			name: data.name,
			role: data.role,
			passwordHash,
			mustChangePassword: oneTimePassword !== undefined,
			passwordExpiresAt: oneTimePassword === undefined ? null : oneTimePasswordExpiry()
		});
		await recordAudit(tx, ctx, {
			entity: 'user',
			entityId: user.id,
			action: 'create',
			after: auditable(user)
		});
		return user;
	});
	return { user: toUserView(row), oneTimePassword };
}

/**
 * Makes a user a platform admin (or no longer one): who administers the installation's
 * organisations. Only a platform admin, the CLI or the first start may.
 */
export async function setPlatformAdminRole(ctx: Ctx, userId: string, on: boolean): Promise<void> {
	requireRole(ctx, 'platform');
	assertUserId(ctx, userId);
	await ctx.db.transaction(async (tx) => {
		await setPlatformAdmin(tx, userId, on);
		await recordAudit(tx, ctx, {
			entity: 'user',
			entityId: userId,
			action: 'update',
			after: { platformAdmin: on }
		});
	});
}

/** Creates a user without a password and a one-time link (valid 7 days) to choose one. */
export async function inviteUser(
	ctx: Ctx,
	input: InviteUserInput
): Promise<{ user: UserView; invitationPath: string; expiresAt: Date }> {
	requireRole(ctx, 'admin');
	const data = parseInput(InviteUserSchema, input, ctx.locale);
	await assertEmailFree(ctx, data.email);
	const token = generateToken();
	const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
	const row = await ctx.db.transaction(async (tx) => {
		const user = await insertUser(tx, {
			email: data.email,
			name: data.name,
			role: data.role,
			passwordHash: null,
			mustChangePassword: false
		});
		await insertInvitation(tx, { userId: user.id, tokenHash: hashToken(token), expiresAt });
		await recordAudit(tx, ctx, {
			entity: 'user',
			entityId: user.id,
			action: 'create',
			after: auditable(user)
		});
		return user;
	});
	return { user: toUserView(row), invitationPath: `/invitation/${token}`, expiresAt };
}

/** The user an invitation link is for, or NotFound when the link is unknown, used or expired. */
export async function findInvitation(db: Db, token: string, locale: Locale): Promise<UserView> {
	const found = await findOpenInvitation(db, hashToken(token), new Date());
	if (!found) throw new NotFoundError(m.invitation_invalid({}, { locale }));
	return toUserView(found.user);
}

export const ChoosePasswordSchema = z
	.object({ password: PasswordSchema, confirm: z.string() })
	.refine((value) => value.password === value.confirm, {
		path: ['confirm'],
		params: { i18n: 'validation_password_mismatch' }
	});

export async function acceptInvitation(
	db: Db,
	token: string,
	input: { password: string; confirm: string },
	locale: Locale
): Promise<UserView> {
	const data = parseInput(ChoosePasswordSchema, input, locale);
	const invited = await findOpenInvitation(db, hashToken(token), new Date());
	if (!invited) throw new NotFoundError(m.invitation_invalid({}, { locale }));
	await assertStrongPassword(data.password, invited.user, locale);
	const passwordHash = await hashPassword(data.password);
	return inOrganisation(db, invited.user.organisationId, async (tx) => {
		const found = await findOpenInvitation(tx, hashToken(token), new Date());
		if (!found) throw new NotFoundError(m.invitation_invalid({}, { locale }));
		await markInvitationUsed(tx, found.invitationId, new Date());
		const user = await updateUser(tx, found.user.id, {
			passwordHash,
			mustChangePassword: false,
			passwordExpiresAt: null
		});
		if (!user) throw new NotFoundError(m.invitation_invalid({}, { locale }));
		await recordAudit(tx, { actor: userActor(user) }, passwordChanged(user, 'invitation'));
		return toUserView(user);
	});
}

export async function listUsers(ctx: Ctx): Promise<UserView[]> {
	requireRole(ctx, 'admin');
	return (await listUserRows(ctx.db)).map(toUserView);
}

export const UpdateUserSchema = z.object({
	role: z.enum(staffRoles).optional(),
	name: z.string().trim().min(1).max(200).optional(),
	disabled: z.boolean().optional(),
	/**
	 * Never accepted: a user is not moved between organisations. Declared so that asking for it
	 * gets the reason rather than "unknown field".
	 */
	organisation: z.string().max(40).optional()
});
export type UpdateUserInput = z.input<typeof UpdateUserSchema>;

/** Changes role, name or disabled state. The last active admin cannot be demoted or disabled. */
export async function updateUserByAdmin(
	ctx: Ctx,
	id: string,
	input: UpdateUserInput
): Promise<UserView> {
	requireRole(ctx, 'admin');
	const data = parseInput(UpdateUserSchema, input, ctx.locale);
	if (data.organisation !== undefined) {
		const message = m.users_move_refused({}, { locale: ctx.locale });
		throw new ValidationError(message, [{ path: ['organisation'], message }]);
	}
	assertUserId(ctx, id);
	return ctx.db.transaction(async (tx) => {
		const before = await findUserById(tx, id);
		if (!before) throw new NotFoundError(m.users_not_found({}, { locale: ctx.locale }));
		const losesAdmin =
			before.role === 'admin' &&
			before.disabledAt === null &&
			((data.role !== undefined && data.role !== 'admin') || data.disabled === true);
		if (losesAdmin && (await countActiveAdmins(tx)) <= 1) {
			throw new ConflictError(m.users_last_admin({}, { locale: ctx.locale }));
		}
		const after = await updateUser(tx, id, {
			role: data.role,
			name: data.name,
			disabledAt:
				data.disabled === undefined
					? undefined
					: data.disabled
						? (before.disabledAt ?? new Date())
						: null
		});
		if (!after) throw new NotFoundError(m.users_not_found({}, { locale: ctx.locale }));
		if (data.disabled) await deleteSessionsOfUser(tx, id);
		await recordAudit(tx, ctx, {
			entity: 'user',
			entityId: id,
			action: 'update',
			before: auditable(before),
			after: auditable(after)
		});
		return toUserView(after);
	});
}

/** Replaces a user's password with a new one-time password (returned once) and signs them out. */
export async function resetPassword(
	ctx: Ctx,
	id: string
): Promise<{ user: UserView; oneTimePassword: string }> {
	requireRole(ctx, 'admin');
	assertUserId(ctx, id);
	const oneTimePassword = generateOneTimePassword();
	const passwordHash = await hashPassword(oneTimePassword);
	return ctx.db.transaction(async (tx) => {
		const before = await findUserById(tx, id);
		if (!before) throw new NotFoundError(m.users_not_found({}, { locale: ctx.locale }));
		const after = await updateUser(tx, id, {
			passwordHash,
			mustChangePassword: true,
			passwordExpiresAt: oneTimePasswordExpiry()
		});
		if (!after) throw new NotFoundError(m.users_not_found({}, { locale: ctx.locale }));
		await deleteSessionsOfUser(tx, id);
		await recordAudit(tx, ctx, {
			entity: 'user',
			entityId: id,
			action: 'update',
			before: auditable(before),
			after: auditable(after)
		});
		return { user: toUserView(after), oneTimePassword };
	});
}

export const ChangePasswordSchema = z
	.object({ current: z.string().min(1), password: PasswordSchema, confirm: z.string() })
	.refine((value) => value.password === value.confirm, {
		path: ['confirm'],
		params: { i18n: 'validation_password_mismatch' }
	})
	.refine((value) => value.password !== value.current, {
		path: ['password'],
		params: { i18n: 'validation_password_unchanged' }
	});

/** A signed-in user replaces their own password; other sessions of theirs end. */
export async function changeOwnPassword(
	ctx: Ctx,
	input: { current: string; password: string; confirm: string },
	keepSessionId: string
): Promise<void> {
	requireRole(ctx, 'viewer');
	if (ctx.actor.kind !== 'user') return;
	const data = parseInput(ChangePasswordSchema, input, ctx.locale);
	const user = await findUserById(ctx.db, ctx.actor.id);
	if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, data.current))) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{ path: ['current'], message: m.password_current_wrong({}, { locale: ctx.locale }) }
		]);
	}
	await assertStrongPassword(data.password, user, ctx.locale);
	const passwordHash = await hashPassword(data.password);
	await ctx.db.transaction(async (tx) => {
		await updateUser(tx, user.id, {
			passwordHash,
			mustChangePassword: false,
			passwordExpiresAt: null
		});
		await deleteSessionsOfUser(tx, user.id, keepSessionId);
		await recordAudit(tx, ctx, passwordChanged(user, 'own'));
	});
}

/** Remembers a user's language choice so it follows them across browsers. */
export async function setUserLocale(db: Db, userId: string, locale: Locale): Promise<void> {
	await updateUser(db, userId, { locale });
}
