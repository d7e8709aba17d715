/**
 * Two organisations' work side by side, through the services as the web and the CLI call them:
 * each in its own scope, acting as the app role so that row-level security holds. A user of
 * one organisation finds none of the other's rows in lists, gets "not found" for its ids, cannot
 * change or delete them, and sees the same figures whether the other organisation exists or not.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/domain/access';
import { NotFoundError } from '../../src/lib/domain/errors';
import type { OrganisationRef } from '../../src/lib/domain/organisations';
import {
	findOrganisationByCode,
	insertOrganisation
} from '../../src/lib/server/db/queries/organisations/organisations';
import {
	agreementsXlsx,
	createAgreement,
	getAgreement,
	listAgreementItems,
	removeAgreement,
	updateAgreement
} from '../../src/lib/server/services/agreements';
import type { Ctx } from '../../src/lib/server/services/context';
import { takeSnapshot } from '../../src/lib/server/services/meetings';
import { findingsReport } from '../../src/lib/server/services/findings';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { getRoundStatus, listRounds, setRoundOpen } from '../../src/lib/server/services/survey';
import { completeAnswers, newAgreement, newResponses, newRound, type TestRound } from './factories';
import { asMemberOf as asMember, useTestDb, type TestDb } from './harness';

const testDb = useTestDb();
/** Full rights within the organisation: what is tested is the scope, not the role. */
const member: Actor = { kind: 'system', label: 'test' };

const asMemberOf = <T>(organisation: OrganisationRef, work: (ctx: Ctx, t: TestDb) => Promise<T>) =>
	asMember(testDb(), organisation, work, member);

let north: OrganisationRef;
let south: OrganisationRef;
let northRound: TestRound;
let northAgreement: { id: number };
let southRound: TestRound;
let southAgreement: { id: number };
/** North Jutland's figures before the second organisation had any work. */
let northAlone: { findings: unknown; agreements: unknown };

beforeAll(async () => {
	const t = testDb();
	await seedReferenceData(t.db);
	const brn = await findOrganisationByCode(t.db, 'brn');
	if (!brn) throw new Error('the installation has no brn organisation');
	north = brn;
	south = await insertOrganisation(t.db, {
		code: 'syd-test',
		name: 'Syddanmark (test)',
		kind: 'regional',
		regionCode: '1083'
	});
	({ northRound, northAgreement } = await asMemberOf(north, async (ctx, scoped) => {
		const round = await newRound(scoped, { title: 'Nordjyllands runde', year: 2031 });
		await newResponses(scoped, round, 3);
		await setRoundOpen(ctx, round.id, false);
		const agreement = await newAgreement(ctx, { title: 'Nordjysk aftale' });
		return { northRound: round, northAgreement: agreement };
	}));
	northAlone = await asMemberOf(north, async (ctx) => ({
		findings: await findingsReport(ctx, northRound.id),
		agreements: await listAgreementItems(ctx, {})
	}));
	({ southRound, southAgreement } = await asMemberOf(south, async (ctx, scoped) => {
		const round = await newRound(scoped, {
			title: 'Syddanmarks runde',
			regionCode: '1083',
			year: 2031
		});
		await newResponses(scoped, round, 4, {
			answers: completeAnswers({
				presence: { ownOffice: true, coLocatedWith: ['sdu'], other: null, municipalities: ['461'] },
				partners: { actors: ['sdu', 'erhvervshus-fyn'], other: null },
				agreements: { parties: ['region-syddanmark'], other: null, municipalities: ['461'] }
			})
		});
		const agreement = await createAgreement(ctx, '1083', {
			title: 'Sydjysk aftale',
			cluster: 'made',
			modelCode: 'project-partnership',
			parties: ['region-syddanmark'],
			efforts: [],
			municipalities: ['461'],
			startsOn: '2031-01-01',
			endsOn: '2031-12-31',
			status: 'active',
			budget: []
		});
		// An agreement of the other organisation in the same region as the first one's, so that
		// only the scope keeps it out of the first one's exports and decks.
		await newAgreement(ctx, { title: 'Sydjysk aftale i Nordjylland', efforts: [] });
		return { southRound: round, southAgreement: agreement };
	}));
});

describe('a user of one organisation and the other organisation’s work', () => {
	it('lists none of the other organisation’s rounds or agreements', async () => {
		const seen = await asMemberOf(north, async (ctx) => ({
			rounds: (await listRounds(ctx)).map((round) => round.title),
			agreements: (await listAgreementItems(ctx, {})).map((agreement) => agreement.title)
		}));
		expect(seen.rounds).toContain('Nordjyllands runde');
		expect(seen.rounds).not.toContain('Syddanmarks runde');
		expect(seen.agreements).toEqual(['Nordjysk aftale']);
		const theirs = await asMemberOf(south, async (ctx) =>
			(await listAgreementItems(ctx, {})).map((agreement) => agreement.title)
		);
		expect(theirs.sort()).toEqual(['Sydjysk aftale', 'Sydjysk aftale i Nordjylland']);
	});

	it('finds nothing behind the other organisation’s ids', async () => {
		const attempts = await asMemberOf(north, async (ctx) => {
			const outcome = (call: Promise<unknown>) =>
				call.then(
					() => 'found',
					(err: unknown) => (err instanceof NotFoundError ? 'not found' : String(err))
				);
			return {
				round: await outcome(getRoundStatus(ctx, southRound.id)),
				findings: await outcome(findingsReport(ctx, southRound.id)),
				agreement: await outcome(getAgreement(ctx, southAgreement.id))
			};
		});
		expect(attempts).toEqual({ round: 'not found', findings: 'not found', agreement: 'not found' });
	});

	it('cannot change or delete the other organisation’s agreement', async () => {
		const attempts = await asMemberOf(north, async (ctx) => {
			const outcome = (call: Promise<unknown>) =>
				call.then(
					() => 'done',
					(err: unknown) => (err instanceof NotFoundError ? 'not found' : String(err))
				);
			return {
				update: await outcome(
					updateAgreement(ctx, southAgreement.id, { title: 'Overtaget', version: 1 } as never)
				),
				remove: await outcome(removeAgreement(ctx, southAgreement.id))
			};
		});
		expect(attempts).toEqual({ update: 'not found', remove: 'not found' });
		const still = await asMemberOf(south, (ctx) => getAgreement(ctx, southAgreement.id));
		expect(still.agreement.title).toBe('Sydjysk aftale');
	});

	it('exports and decks none of the other organisation’s rows in the same region', async () => {
		const { sheet, snapshot } = await asMemberOf(north, async (ctx) => ({
			sheet: await agreementsXlsx(ctx, '1081'),
			snapshot: await takeSnapshot(ctx, '1081', northRound.id, 'da')
		}));
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(new Uint8Array(sheet).buffer);
		const cells = book.worksheets.flatMap((worksheet) =>
			worksheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []))
		);
		expect(cells).toContain('Nordjysk aftale');
		expect(cells.filter((cell) => cell.includes('Sydjysk'))).toEqual([]);
		const titles = snapshot.agreements?.rows.map((row) => row.title) ?? [];
		expect(titles).toEqual(['Nordjysk aftale']);
		expect(JSON.stringify(snapshot)).not.toContain('Sydjysk');
	});

	it('shows the same figures whether the other organisation has work or not', async () => {
		const now = await asMemberOf(north, async (ctx) => ({
			findings: await findingsReport(ctx, northRound.id),
			agreements: await listAgreementItems(ctx, {})
		}));
		expect(now).toEqual(northAlone);
		expect(northAgreement.id).toBeLessThan(southAgreement.id);
	});
});
