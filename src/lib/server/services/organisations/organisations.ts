/**
 * The organisations of an installation, administered by a platform admin: create one with its
 * first admin, rename it and set its settings, archive it (its data kept, its users locked out;
 * never a delete), and add or remove members. Platform routes hold no organisation's scope;
 * every write into an organisation runs in that organisation's (`db/scope.ts`).
 */
import { z } from 'zod';
import { staffRoles } from '$lib/domain/access';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '$lib/domain/errors';
import {
	OrganisationSettingsSchema,
	organisationKinds,
	type OrganisationRef
} from '$lib/domain/organisations';
import { RegionCodeSchema } from '$lib/domain/regions';
import { generateToken, hashToken } from '../../auth/secrets';
import type { Db, Tx } from '../../db/client';
import {
	findClash,
	findOrganisation,
	findOrganisationByCode,
	listOpenOrganisations,
	insertMembership,
	insertOrganisation,
	listOrganisationsWithCounts,
	updateOrganisation,
	type OrganisationListRow
} from '../../db/queries/organisations/organisations';
import { insertInvitation } from '../../db/queries/users/invitations';
import {
	activeAdminsOf,
	deleteMembership,
	findAccountByEmail,
	insertUser,
	listOpenMemberships
} from '../../db/queries/users/users';
import { inOrganisation } from '../../db/scope';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';

const INVITATION_DAYS = 7;

export const OrganisationCodeSchema = z
	.string()
	.trim()
	.toLowerCase()
	.refine((code) => /^[a-z0-9][a-z0-9-]{1,39}$/.test(code), {
		params: { i18n: 'validation_organisation_code' }
	});

const MemberSchema = z.object({
	email: z.email().trim().toLowerCase().max(254),
	name: z.string().trim().min(1).max(120),
	role: z.enum(staffRoles)
});
export type MemberInput = z.input<typeof MemberSchema>;

export const CreateOrganisationSchema = z
	.object({
		code: OrganisationCodeSchema,
		name: z.string().trim().min(2).max(120),
		kind: z.enum(organisationKinds),
		regionCode: RegionCodeSchema.optional(),
		/** The first admin: an account of the installation, or a new one invited by link. */
		admin: MemberSchema.omit({ role: true })
	})
	.superRefine((value, check) => {
		if ((value.kind === 'regional') !== (value.regionCode !== undefined))
			check.addIssue({
				code: 'custom',
				path: ['regionCode'],
				params: { i18n: 'validation_organisation_region' }
			});
	});
export type CreateOrganisationInput = z.input<typeof CreateOrganisationSchema>;

export const UpdateOrganisationSchema = z.object({
	name: z.string().trim().min(2).max(120).optional(),
	settings: OrganisationSettingsSchema.optional(),
	archived: z.boolean().optional()
});
export type UpdateOrganisationInput = z.input<typeof UpdateOrganisationSchema>;

export interface OrganisationView extends OrganisationRef {
	archived: boolean;
	members: number;
	admins: number;
}

const toView = ({ archivedAt, ...row }: OrganisationListRow): OrganisationView => ({
	...row,
	archived: archivedAt !== null
});

export async function listOrganisations(ctx: Ctx): Promise<OrganisationView[]> {
	requireRole(ctx, 'platform');
	return (await listOrganisationsWithCounts(ctx.db)).map(toView);
}

/** Unique code and name, said on the fields. */
async function assertFree(
	ctx: Ctx,
	candidate: { code?: string; name?: string },
	exceptId?: number
): Promise<void> {
	const clash = await findClash(ctx.db, candidate, exceptId);
	const o = { locale: ctx.locale };
	const issues: FieldIssue[] = [
		...(clash.code ? [{ path: ['code'], message: m.organisations_code_taken({}, o) }] : []),
		...(clash.name ? [{ path: ['name'], message: m.organisations_name_taken({}, o) }] : [])
	];
	if (issues.length) throw new ValidationError(m.validation_failed({}, o), issues);
}

interface AddedMember {
	email: string;
	/** For a new account: the link that lets them choose a password (shown once). */
	invitationPath?: string;
}

/**
 * Adds a member in the organisation's scope: an existing account gets a membership (its
 * password untouched); a new e-mail gets an account and an invitation link.
 */
async function addMemberIn(
	tx: Tx,
	ctx: Ctx,
	organisation: OrganisationRef,
	member: z.output<typeof MemberSchema>
): Promise<AddedMember> {
	return inOrganisation(tx, organisation.id, async (scoped) => {
		const account = await findAccountByEmail(scoped, member.email);
		let invitationPath: string | undefined;
		let userId: string;
		if (account) {
			userId = account.id;
			const added = await insertMembership(scoped, {
				userId,
				organisationId: organisation.id,
				role: member.role
			});
			if (!added)
				throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
					{ path: ['email'], message: m.organisations_already_member({}, { locale: ctx.locale }) }
				]);
		} else {
			const user = await insertUser(scoped, {
				email: member.email,
				name: member.name,
				role: member.role,
				passwordHash: null,
				mustChangePassword: false
			});
			userId = user.id;
			const token = generateToken();
			const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
			await insertInvitation(scoped, { userId, tokenHash: hashToken(token), expiresAt });
			invitationPath = `/invitation/${token}`;
		}
		await recordAudit(scoped, ctx, {
			entity: 'membership',
			entityId: userId,
			action: 'create',
			after: { email: member.email, role: member.role, organisation: organisation.code }
		});
		return { email: member.email, invitationPath };
	});
}

/** A new organisation and its first admin, all or nothing. */
export async function createOrganisation(
	ctx: Ctx,
	input: CreateOrganisationInput
): Promise<{ organisation: OrganisationRef; admin: AddedMember }> {
	requireRole(ctx, 'platform');
	const data = parseInput(CreateOrganisationSchema, input, ctx.locale);
	await assertFree(ctx, data);
	return ctx.db.transaction(async (tx) => {
		const organisation = await insertOrganisation(tx, {
			code: data.code,
			name: data.name,
			kind: data.kind,
			regionCode: data.kind === 'regional' ? (data.regionCode ?? null) : null
		});
		const admin = await addMemberIn(tx, ctx, organisation, { ...data.admin, role: 'admin' });
		return { organisation, admin };
	});
}

async function organisationOrThrow(ctx: Ctx, code: string): Promise<OrganisationRef> {
	const found = await findOrganisationByCode(ctx.db, code);
	if (!found) throw new NotFoundError(m.organisations_not_found({}, { locale: ctx.locale }));
	return found;
}

/**
 * Renames an organisation, sets its settings, or archives it (or opens it again). The
 * organisation the platform admin acts in is not archived from under them.
 */
export async function changeOrganisation(
	ctx: Ctx,
	code: string,
	input: UpdateOrganisationInput
): Promise<OrganisationRef> {
	requireRole(ctx, 'platform');
	const data = parseInput(UpdateOrganisationSchema, input, ctx.locale);
	const organisation = await organisationOrThrow(ctx, code);
	if (data.name) await assertFree(ctx, { name: data.name }, organisation.id);
	if (data.archived === true && ctx.organisation?.id === organisation.id)
		throw new ConflictError(m.organisations_archive_own({}, { locale: ctx.locale }));
	return ctx.db.transaction(async (tx) => {
		const changed = await updateOrganisation(tx, organisation.id, {
			name: data.name,
			settings: data.settings ? { ...organisation.settings, ...data.settings } : undefined,
			archivedAt: data.archived === undefined ? undefined : data.archived ? new Date() : null
		});
		if (!changed) throw new NotFoundError(m.organisations_not_found({}, { locale: ctx.locale }));
		await inOrganisation(tx, organisation.id, (scoped) =>
			recordAudit(scoped, ctx, {
				entity: 'organisation',
				entityId: organisation.code,
				action: 'update',
				before: { name: organisation.name, settings: organisation.settings },
				after: { name: changed.name, settings: changed.settings, archived: data.archived }
			})
		);
		return changed;
	});
}

export async function addMember(ctx: Ctx, code: string, input: MemberInput): Promise<AddedMember> {
	requireRole(ctx, 'platform');
	const member = parseInput(MemberSchema, input, ctx.locale);
	const organisation = await organisationOrThrow(ctx, code);
	return ctx.db.transaction((tx) => addMemberIn(tx, ctx, organisation, member));
}

/** Removes a member from an organisation; never its last active admin. */
export async function removeMember(ctx: Ctx, code: string, email: string): Promise<void> {
	requireRole(ctx, 'platform');
	const organisation = await organisationOrThrow(ctx, code);
	await ctx.db.transaction((tx) =>
		inOrganisation(tx, organisation.id, async (scoped) => {
			const account = await findAccountByEmail(scoped, email);
			const admins = account ? await activeAdminsOf(scoped, organisation.id) : [];
			if (!account || !(await deleteMembership(scoped, account.id, organisation.id)))
				throw new NotFoundError(m.users_not_found({}, { locale: ctx.locale }));
			if (admins.length === 1 && admins[0] === account.id)
				throw new ConflictError(m.users_last_admin({}, { locale: ctx.locale }));
			await recordAudit(scoped, ctx, {
				entity: 'membership',
				entityId: account.id,
				action: 'delete',
				before: { email: account.email, organisation: organisation.code }
			});
		})
	);
}

export const OwnSettingsSchema = z.object({
	deckOrganisation: z.string().trim().max(120).optional(),
	mailFrom: z.union([z.literal(''), z.email().max(254)]).optional(),
	locale: z.enum(['da', 'en', '']).optional()
});
export type OwnSettingsInput = z.input<typeof OwnSettingsSchema>;

/** The organisation the admin acts in, with its settings (empty = the installation's). */
export async function ownOrganisation(ctx: Ctx): Promise<OrganisationRef> {
	requireRole(ctx, 'admin');
	if (!ctx.organisation)
		throw new NotFoundError(m.organisations_not_found({}, { locale: ctx.locale }));
	const found = await findOrganisationByCode(ctx.db, ctx.organisation.code);
	if (!found) throw new NotFoundError(m.organisations_not_found({}, { locale: ctx.locale }));
	return found;
}

/**
 * An organisation admin sets their organisation's own settings: the name on its decks, the
 * sender of its invitations and reminders, its language. An empty field falls back to the
 * installation's setting.
 */
export async function updateOwnSettings(
	ctx: Ctx,
	input: OwnSettingsInput
): Promise<OrganisationRef> {
	const organisation = await ownOrganisation(ctx);
	const data = parseInput(OwnSettingsSchema, input, ctx.locale);
	const settings = {
		...(data.deckOrganisation ? { deckOrganisation: data.deckOrganisation } : {}),
		...(data.mailFrom ? { mailFrom: data.mailFrom } : {}),
		...(data.locale ? { locale: data.locale } : {})
	};
	const changed = await updateOrganisation(ctx.db, organisation.id, { settings });
	if (!changed) throw new NotFoundError(m.organisations_not_found({}, { locale: ctx.locale }));
	await recordAudit(ctx.db, ctx, {
		entity: 'organisation',
		entityId: organisation.code,
		action: 'update',
		before: { settings: organisation.settings },
		after: { settings }
	});
	return changed;
}

/**
 * The organisations that are not archived: where the CLI and the scheduler may act. Read
 * before any scope; the organisations themselves are platform data.
 */
export function openOrganisations(db: Db): Promise<OrganisationRef[]> {
	return listOpenOrganisations(db);
}

/**
 * What a request acts in, found from its credential before any scope: the organisation, and
 * for a browser session the user's open memberships (the header's switcher).
 */
export async function requestOrganisation(
	db: Db,
	organisationId: number,
	sessionUserId?: string
): Promise<{
	organisation: OrganisationRef | undefined;
	memberships: Awaited<ReturnType<typeof listOpenMemberships>>;
}> {
	const [organisation, memberships] = await Promise.all([
		findOrganisation(db, organisationId),
		sessionUserId ? listOpenMemberships(db, sessionUserId) : Promise.resolve([])
	]);
	return { organisation, memberships };
}
