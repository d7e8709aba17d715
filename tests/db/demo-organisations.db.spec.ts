/**
 * The two-organisation demo: each organisation's demo meeting is its own, and its deck is
 * presented by the organisation itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findOrganisationByCode } from '../../src/lib/server/db/queries/organisations/organisations';
import { listMeetingItems, meetingSlides } from '../../src/lib/server/services/meetings';
import { seedDemoData, seedReferenceData } from '../../src/lib/server/services/platform';
import { asMemberOf, useTestDb } from './harness';

const testDb = useTestDb();

beforeAll(async () => {
	await seedReferenceData(testDb().db);
	await seedDemoData(testDb().db, { organisations: 2 });
});

describe('the demo with two organisations', () => {
	it('gives each its own meetings, presented by the organisation', async () => {
		const t = testDb();
		const south = await findOrganisationByCode(t.db, 'syddanmark-demo');
		const north = await findOrganisationByCode(t.db, 'brn');
		if (!south || !north) throw new Error('the demo organisations are missing');
		const { titles, deck } = await asMemberOf(t, south, async (ctx) => {
			const meetings = await listMeetingItems(ctx, { region: null });
			return {
				titles: meetings.map((meeting) => meeting.title),
				deck: (await meetingSlides(ctx, meetings[0]?.id ?? 0)) as unknown as {
					snapshot: { organisation: string };
				}
			};
		});
		expect(titles).toEqual(['Bestyrelsesmøde, Syddanmark (demodata)']);
		// The organisation presents its own deck, not the first business-promotion body of its region.
		expect(deck.snapshot.organisation).toBe('Syddanmark (demodata)');
		const northTitles = await asMemberOf(t, north, async (ctx) =>
			(await listMeetingItems(ctx, { region: null })).map((meeting) => meeting.title)
		);
		expect(northTitles).not.toContain('Bestyrelsesmøde, Syddanmark (demodata)');
		expect(northTitles.length).toBeGreaterThan(0);
	});
});
