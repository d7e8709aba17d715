/**
 * Platform admins' organisations: names and codes held to their rules, a first admin by
 * invitation or as an existing account, the last admin kept, no user moved, and an archived
 * organisation's users locked out (its data kept) until it is opened again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/domain/access';
import {
	ConflictError,
	ForbiddenError,
	ValidationError,
	type FieldIssue
} from '../../src/lib/domain/errors';
import {
	addMember,
	changeOrganisation,
	createOrganisation,
	listOrganisations,
	ownOrganisation,
	removeMember,
	updateOwnSettings
} from '../../src/lib/server/services/organisations';
import { findOrganisationByCode } from '../../src/lib/server/db/queries/organisations/organisations';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import {
	acceptInvitation,
	setPlatformAdminRole,
	signIn,
	updateUserByAdmin,
	validateSessionToken
} from '../../src/lib/server/services/users';
import type { Ctx } from '../../src/lib/server/services/context';
import { inOrganisation } from '../../src/lib/server/db/scope';
import { useTestDb } from './harness';

const testDb = useTestDb();
let platform: Actor;
/** Made before the first organisation of the test: with several, a write must name its own. */
let users: Record<'admin' | 'analyst' | 'viewer', Ctx>;
const password = 'en lang og god adgangssætning til test';

const issuesOf = async (call: Promise<unknown>): Promise<FieldIssue[]> => {
	const err = await call.then(
		() => undefined,
		(caught: unknown) => caught
	);
	if (!(err instanceof ValidationError))
		throw new Error(`expected a ValidationError, got ${String(err)}`);
	return err.issues;
};

beforeAll(async () => {
	await seedReferenceData(testDb().db);
	const admin = await testDb().userCtx('admin');
	if (admin.actor.kind !== 'user') throw new Error('no user');
	await setPlatformAdminRole(testDb().ctx(), admin.actor.id, true);
	platform = { ...admin.actor, platformAdmin: true };
	users = {
		admin: await testDb().userCtx('admin'),
		analyst: await testDb().userCtx('analyst'),
		viewer: await testDb().userCtx('viewer')
	};
});

describe('creating an organisation', () => {
	it('is for platform admins only', async () => {
		const refused = await createOrganisation(users.admin, {
			code: 'nope',
			name: 'Ikke tilladt',
			kind: 'national',
			admin: { email: 'x@test.example.dk', name: 'X' }
		}).catch((err: unknown) => err);
		expect(refused).toBeInstanceOf(ForbiddenError);
	});

	it('refuses a bad code, a regional body without region, and names the fields', async () => {
		const ctx = testDb().ctx(platform);
		const issues = await issuesOf(
			createOrganisation(ctx, {
				code: '-Syd Danmark',
				name: 'S',
				kind: 'regional',
				admin: { email: 'ikke-en-mail', name: '' }
			})
		);
		expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual([
			'admin.email',
			'admin.name',
			'code',
			'name',
			'regionCode'
		]);
		expect(issues.find((issue) => issue.path[0] === 'code')?.message).toMatch(/små bogstaver/);
	});

	it('creates one with its first admin invited, and refuses its code and name again', async () => {
		const ctx = testDb().ctx(platform);
		const made = await createOrganisation(ctx, {
			code: 'midt-test',
			name: 'Midtjylland (test)',
			kind: 'regional',
			regionCode: '1082',
			admin: { email: 'midt-admin@test.example.dk', name: 'Midt Admin' }
		});
		expect(made.organisation).toMatchObject({ code: 'midt-test', regionCode: '1082' });
		expect(made.admin.invitationPath).toMatch(/^\/invitation\//);
		const again = await issuesOf(
			createOrganisation(ctx, {
				code: 'midt-test',
				name: 'MIDTJYLLAND (TEST)',
				kind: 'regional',
				regionCode: '1082',
				admin: { email: 'midt-admin@test.example.dk', name: 'Midt Admin' }
			})
		);
		expect(again.map((issue) => issue.path[0]).sort()).toEqual(['code', 'name']);
		const listed = await listOrganisations(ctx);
		expect(listed.find((o) => o.code === 'midt-test')).toMatchObject({ members: 1, admins: 1 });
	});
});

describe('an organisation’s members', () => {
	it('adds an existing account as a member, once, and keeps the last admin', async () => {
		const ctx = testDb().ctx(platform);
		const analyst = users.analyst;
		if (analyst.actor.kind !== 'user') throw new Error('no user');
		await createOrganisation(ctx, {
			code: 'hoved-test',
			name: 'Hovedstaden (test)',
			kind: 'regional',
			regionCode: '1084',
			admin: { email: analyst.actor.email, name: analyst.actor.name }
		});
		const twice = await issuesOf(
			addMember(ctx, 'hoved-test', { email: analyst.actor.email, name: 'X', role: 'viewer' })
		);
		expect(twice[0]?.path).toEqual(['email']);
		const last = await removeMember(ctx, 'hoved-test', analyst.actor.email).catch(
			(err: unknown) => err
		);
		expect(last).toBeInstanceOf(ConflictError);
	});

	it('never moves a user to another organisation', async () => {
		const viewer = users.viewer;
		if (viewer.actor.kind !== 'user') throw new Error('no user');
		const issues = await issuesOf(
			updateUserByAdmin(users.admin, viewer.actor.id, { organisation: 'hoved-test' })
		);
		expect(issues).toEqual([
			{ path: ['organisation'], message: expect.stringMatching(/flyttes ikke/) }
		]);
	});
});

describe('archiving an organisation', () => {
	it('locks its users out and keeps them, until it is opened again', async () => {
		const t = testDb();
		const ctx = t.ctx(platform);
		const { admin } = await createOrganisation(ctx, {
			code: 'syd-arkiv',
			name: 'Syddanmark (arkiv-test)',
			kind: 'regional',
			regionCode: '1083',
			admin: { email: 'arkiv@test.example.dk', name: 'Arkiv' }
		});
		const token = admin.invitationPath?.split('/').at(-1) ?? '';
		await acceptInvitation(t.db, token, { password, confirm: password }, 'da');
		const session = await signIn(
			t.db,
			{ email: 'arkiv@test.example.dk', password },
			'127.0.0.9',
			'da'
		);
		expect((await validateSessionToken(t.db, session.token))?.user.email).toBe(
			'arkiv@test.example.dk'
		);

		await changeOrganisation(ctx, 'syd-arkiv', { archived: true });
		expect(await validateSessionToken(t.db, session.token)).toBeNull();
		const refused = await signIn(
			t.db,
			{ email: 'arkiv@test.example.dk', password },
			'127.0.0.9',
			'da'
		).catch((err: unknown) => err);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((await listOrganisations(ctx)).find((o) => o.code === 'syd-arkiv')).toMatchObject({
			archived: true,
			members: 1
		});

		await changeOrganisation(ctx, 'syd-arkiv', { archived: false });
		expect((await validateSessionToken(t.db, session.token))?.user.email).toBe(
			'arkiv@test.example.dk'
		);
	});
});

describe('an organisation’s own settings', () => {
	it('are set by its admin, checked field by field, and empty falls back', async () => {
		const t = testDb();
		const brn = await findOrganisationByCode(t.db, 'brn');
		if (!brn) throw new Error('no brn');
		// As a request runs it: in the organisation's scope.
		const as =
			(who: Ctx) =>
			<T>(work: (ctx: Ctx) => Promise<T>) =>
				inOrganisation(t.db, brn.id, (tx) =>
					work({ ...who, db: tx, organisation: brn, scoped: true })
				);
		const admin = as(users.admin);
		const bad = await issuesOf(
			admin((ctx) => updateOwnSettings(ctx, { mailFrom: 'ikke en adresse' }))
		);
		expect(bad.map((issue) => issue.path[0])).toEqual(['mailFrom']);
		const saved = await admin((ctx) =>
			updateOwnSettings(ctx, {
				deckOrganisation: 'BRN-sekretariatet',
				mailFrom: 'klynger@brn.example.dk',
				locale: ''
			})
		);
		expect(saved.settings).toEqual({
			deckOrganisation: 'BRN-sekretariatet',
			mailFrom: 'klynger@brn.example.dk'
		});
		const viewer = as(users.viewer);
		expect(
			await viewer((ctx) => updateOwnSettings(ctx, {})).catch((err: unknown) => err)
		).toBeInstanceOf(ForbiddenError);
		await admin((ctx) => updateOwnSettings(ctx, {}));
		expect((await admin((ctx) => ownOrganisation(ctx))).settings).toEqual({});
	});
});
