/**
 * The national view: a closed round's aggregates published by its organisation, read by every
 * organisation; off by default, refused for an open round, withdrawn again; only aggregates
 * leave the organisation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/domain/access';
import { ConflictError, ForbiddenError } from '../../src/lib/domain/errors';
import type { OrganisationRef } from '../../src/lib/domain/organisations';
import {
	findOrganisationByCode,
	insertOrganisation
} from '../../src/lib/server/db/queries/organisations/organisations';
import type { Ctx } from '../../src/lib/server/services/context';
import {
	getNationalMatrix,
	nationalCoverage,
	roundPublication,
	setRoundPublished
} from '../../src/lib/server/services/national';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { setRoundOpen } from '../../src/lib/server/services/survey';
import { completeAnswers, newResponses, newRound, type TestRound } from './factories';
import { asMemberOf as asMember, useTestDb, type TestDb } from './harness';

const testDb = useTestDb();
const system: Actor = { kind: 'system', label: 'test' };
const viewer: Actor = {
	kind: 'user',
	id: '00000000-0000-4000-8000-0000000000e1',
	email: 'viewer@test.example.dk',
	name: 'Læser',
	role: 'viewer'
};

const asMemberOf = <T>(
	organisation: OrganisationRef,
	work: (ctx: Ctx, t: TestDb) => Promise<T>,
	actor: Actor = system
) => asMember(testDb(), organisation, work, actor);

let north: OrganisationRef;
let south: OrganisationRef;
let northRound: TestRound;
let openRound: TestRound;

beforeAll(async () => {
	const t = testDb();
	await seedReferenceData(t.db);
	const brn = await findOrganisationByCode(t.db, 'brn');
	if (!brn) throw new Error('no brn organisation');
	north = brn;
	south = await insertOrganisation(t.db, {
		code: 'syd-national',
		name: 'Syddanmark (national test)',
		kind: 'regional',
		regionCode: '1083'
	});
	({ northRound, openRound } = await asMemberOf(north, async (ctx, scoped) => {
		const round = await newRound(scoped, { title: 'Nordjylland til nationalt', year: 2032 });
		await newResponses(scoped, round, 2, {
			answers: completeAnswers({
				presence: {
					ownOffice: true,
					coLocatedWith: [],
					other: 'Fortroligt: kontor hos en partner',
					municipalities: ['851']
				}
			})
		});
		await setRoundOpen(ctx, round.id, false);
		const open = await newRound(scoped, { title: 'Åben runde', year: 2033 });
		return { northRound: round, openRound: open };
	}));
});

describe('publishing a round to the national view', () => {
	it('is off by default: no organisation sees the round', async () => {
		expect(await asMemberOf(north, (ctx) => roundPublication(ctx, northRound.id))).toMatchObject({
			published: false,
			canPublish: true
		});
		const seen = await asMemberOf(south, (ctx) => nationalCoverage(ctx));
		expect(seen.rounds).toEqual([]);
	});

	it('is refused for an open round and for a viewer', async () => {
		const open = await asMemberOf(north, (ctx) =>
			setRoundPublished(ctx, openRound.id, true).catch((err: unknown) => err)
		);
		expect(open).toBeInstanceOf(ConflictError);
		const byViewer = await asMemberOf(
			north,
			(ctx) => setRoundPublished(ctx, northRound.id, true).catch((err: unknown) => err),
			viewer
		);
		expect(byViewer).toBeInstanceOf(ForbiddenError);
	});

	it('shows the round’s aggregates to another organisation, with its n of N, and no texts', async () => {
		const published = await asMemberOf(north, (ctx) => setRoundPublished(ctx, northRound.id, true));
		expect(published).toMatchObject({ published: true, publishedBy: 'test' });
		const { coverage, matrix } = await asMemberOf(south, async (ctx) => ({
			coverage: await nationalCoverage(ctx),
			matrix: await getNationalMatrix(ctx)
		}));
		expect(coverage.rounds).toEqual([
			expect.objectContaining({
				regionCode: '1081',
				title: 'Nordjylland til nationalt',
				publisher: 'Business Region North Denmark',
				completed: 2,
				invited: northRound.invited.length
			})
		]);
		expect(matrix.regions).toEqual([
			expect.objectContaining({
				regionCode: '1081',
				completed: 2,
				invited: northRound.invited.length
			})
		]);
		const answered = Object.values(matrix.cells)
			.map((cells) => cells['1081'])
			.filter((cell) => cell?.status === 'completed');
		expect(answered).toHaveLength(2);
		expect(answered.every((cell) => cell?.present && cell.members === 80)).toBe(true);
		expect(matrix.municipalities['851']).toEqual({ presence: 2, agreements: 2 });
		expect(JSON.stringify({ coverage, matrix })).not.toContain('Fortroligt');
	});

	it('is withdrawn again by its organisation only', async () => {
		// Another organisation cannot withdraw it: the round is not theirs.
		const foreign = await asMemberOf(south, (ctx) =>
			setRoundPublished(ctx, northRound.id, false).catch((err: unknown) => err)
		);
		expect(foreign).toBeInstanceOf(Error);
		expect((await asMemberOf(south, (ctx) => nationalCoverage(ctx))).rounds).toHaveLength(1);
		await asMemberOf(north, (ctx) => setRoundPublished(ctx, northRound.id, false));
		expect((await asMemberOf(south, (ctx) => nationalCoverage(ctx))).rounds).toEqual([]);
	});
});
