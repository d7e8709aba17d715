/**
 * Every CSV export, with a spreadsheet formula planted where a user can type: each planted cell
 * must come out with a leading `'`, so Excel or LibreOffice shows it as text instead of running it.
 * A new CSV export belongs here too.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import probe from '../fixtures/security/csv-injection.json';
import type { Ctx } from '../../src/lib/server/services/context';
import { toSurveyData } from '../../src/lib/domain/survey/surveyjs';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import {
	exportSurveyCsv,
	importSurvey,
	resolveRespondent,
	saveDraft,
	createRound,
	getRoundStatus,
	sendInvitation
} from '../../src/lib/server/services/survey';
import { useTestDb } from './harness';

const testDb = useTestDb();
const planted = probe.planted;
const textColumns = ['presence.other', 'partners.other', 'activities.other', 'agreements.other'];

beforeAll(async () => {
	await seedReferenceData(testDb().db);
});

/** The export as header → value records, the way a spreadsheet would split the cells. */
function records(csv: string): Record<string, string>[] {
	return parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true });
}

async function respondent(analyst: Ctx, roundId: number, slug: string): Promise<Ctx> {
	const invitation = (await getRoundStatus(analyst, roundId)).invitations.find(
		(i) => i.clusterSlug === slug
	);
	if (!invitation) throw new Error(`${slug} is not invited`);
	const { link } = await sendInvitation(analyst, invitation.invitationId, 'https://kr.example');
	const found = await resolveRespondent(testDb().db, link.split('/').at(-1) ?? '');
	if (!found.ok) throw new Error(found.reason);
	return testDb().ctx(found.actor);
}

describe('survey CSV export (web download and `klyngeradar survey export --format csv`)', () => {
	it("writes a formula a respondent's autosave planted as text", async () => {
		const analyst = await testDb().userCtx('analyst');
		const round = await createRound(analyst, {
			regionCode: '1081',
			year: 2024,
			title: 'Formel i fritekst',
			sinceYear: 2022,
			clusters: ['made']
		});
		const made = await respondent(analyst, round.id, 'made');
		await saveDraft(
			made,
			toSurveyData({
				activeInRegion: true,
				presence: { ownOffice: null, coLocatedWith: [], other: planted, municipalities: [] },
				partners: { actors: [], other: planted },
				members: { total: 80, over50: 30, under50: 50, estimate: false },
				activities: { codes: [], other: planted },
				agreements: { parties: ['other'], other: planted, municipalities: [] }
			})
		);

		const [row] = records(await exportSurveyCsv(analyst, round.id));
		expect(row?.cluster).toBe('made');
		for (const column of textColumns) expect(row?.[column], column).toBe(`'${planted}`);
		// Numbers the app holds as numbers are written as they are.
		expect(row?.['members.total']).toBe('80');
	});

	it.each(probe.formulas.map((value) => [value]))(
		'writes %j from an imported file as text',
		async (value) => {
			const analyst = await testDb().userCtx('analyst');
			const { roundId } = await importSurvey(
				analyst,
				JSON.stringify({
					format: 'klyngeradar/survey-responses@1',
					round: { regionCode: '1081', year: 2023, title: 'Import med formel' },
					invited: ['made'],
					responses: [
						{
							cluster: 'made',
							status: 'partial',
							answers: { activeInRegion: true, partners: { actors: [], other: value } }
						}
					]
				})
			);
			const [row] = records(await exportSurveyCsv(analyst, roundId));
			// The text schema trims, so a leading tab or carriage return arrives as the `=` after it.
			expect(row?.['partners.other']).toBe(`'${value.trim()}`);
		}
	);
});
