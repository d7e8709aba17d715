import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '../../src/lib/domain/errors';
import {
	addGoal,
	addKpi,
	recordMeasurement,
	createAgreement
} from '../../src/lib/server/services/agreements';
import { seedDemoData } from '../../src/lib/server/services/platform';
import {
	compareMeeting,
	meetingDeck,
	meetingSlides,
	addOutcome,
	createMeeting,
	getMeeting,
	listMeetingItems,
	refreshSnapshot,
	saveQuestions
} from '../../src/lib/server/services/meetings';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { useTestDb } from './harness';

const testDb = useTestDb();

beforeAll(async () => {
	await seedReferenceData(testDb().db);
	await seedDemoData(testDb().db);
});

async function demoMeeting(audience: 'board' | 'management') {
	const items = await listMeetingItems(testDb().ctx(), { region: '1081' });
	const item = items.find((i) => i.audience === audience && i.isDemo);
	if (!item) throw new Error(`no demo ${audience} meeting`);
	return item;
}

async function chartXml(pptx: Buffer): Promise<{ slides: number; charts: string[] }> {
	const zip = await JSZip.loadAsync(pptx);
	const names = Object.keys(zip.files);
	const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
	const chartNames = names
		.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))
		.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
	const charts = await Promise.all(
		chartNames.map((n) => zip.file(n)?.async('string') ?? Promise.resolve(''))
	);
	return { slides, charts };
}

describe('the demo meetings', () => {
	it('give a short board deck and a full management deck from the demo round', async () => {
		const board = await meetingSlides(testDb().ctx(), (await demoMeeting('board')).id);
		const management = await meetingSlides(testDb().ctx(), (await demoMeeting('management')).id);
		expect(board.slides.length).toBeGreaterThanOrEqual(10);
		expect(board.slides.length).toBeLessThanOrEqual(13);
		expect(management.slides.length).toBeGreaterThanOrEqual(18);
		expect(management.slides.filter((s) => s.kind === 'chart').length).toBeGreaterThanOrEqual(8);
		// Every content slide names its source or says it has none on purpose.
		const presence = management.slides.find((s) => s.id === 'finding-presence');
		expect(presence).toMatchObject({
			kind: 'chart',
			footer: expect.stringContaining('n = 12 af 12')
		});
		if (presence?.kind !== 'chart') throw new Error('presence is not a chart');
		expect(presence.chart.series[0]?.values).toEqual([0, 5, 3, 2, 0]);
		expect(board.slides[0]).toMatchObject({
			kind: 'title',
			demo: expect.stringContaining('Demodata')
		});
	});

	it('writes native charts with the series values and thousands formats', async () => {
		const { id } = await demoMeeting('management');
		const { slides } = await meetingSlides(testDb().ctx(), id);
		const deck = await meetingDeck(testDb().ctx(), id, 'pptx');
		expect(deck.filename).toBe('direktion-2026-12-03-region-nordjylland.pptx');
		const { slides: count, charts } = await chartXml(deck.body);
		expect(count).toBe(slides.length);
		const chartSlides = slides.filter((s) => s.kind === 'chart');
		expect(charts).toHaveLength(chartSlides.length);
		for (const xml of charts) {
			// One plain clustered bar/column chart per part: no combos, no stacking, which
			// PowerPoint is known to "repair".
			expect(xml.match(/<c:barChart>/g)).toHaveLength(1);
			expect(xml).toMatch(/<c:barDir val="(bar|col)"\/>/);
			expect(xml).toContain('<c:grouping val="clustered"/>');
			expect(xml).not.toMatch(/<c:(lineChart|pieChart|areaChart|doughnutChart)>/);
			expect(xml).toContain('formatCode="#,##0"');
		}
		const members = charts[chartSlides.findIndex((s) => s.id === 'finding-members')] ?? '';
		const values = [...members.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((x) => x[1]);
		expect(values).toEqual(expect.arrayContaining(['375', '123', '252']));
		const budget = charts[chartSlides.findIndex((s) => s.id === 'budget')] ?? '';
		expect(budget.match(/<c:ser>/g)).toHaveLength(3);
	});
});

describe('a meeting freezes its figures', () => {
	it('keeps its deck when the data changes, and the comparison shows the change', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await createMeeting(analyst, '1081', {
			title: 'Bestyrelsesmøde december',
			audience: 'board',
			heldOn: '2026-12-10',
			roundId: (await demoMeeting('board')).round?.id ?? null,
			agenda: ['Status på klyngesamarbejdet']
		});
		const before = await meetingSlides(analyst, id);
		expect(before.slides.find((s) => s.id === 'agenda')).toMatchObject({
			bullets: ['Status på klyngesamarbejdet']
		});
		const detail = await getMeeting(analyst, id);
		expect(detail.questions.length).toBeGreaterThan(0);
		expect(detail.questions.every((q) => q.proposed)).toBe(true);

		// Data moves on: a new agreement with a KPI that is off track.
		const agreement = await createAgreement(analyst, '1081', {
			title: 'Projektpartnerskab om robotter',
			cluster: 'odense-robotics',
			modelCode: 'project-partnership',
			parties: ['brn'],
			startsOn: '2026-01-01',
			endsOn: '2027-12-31',
			status: 'active',
			budget: [{ party: 'brn', year: 2026, amountDkk: 200000 }]
		});
		const goal = await addGoal(analyst, agreement.id, { title: 'Flere projekter' });
		const kpi = await addKpi(analyst, agreement.id, goal.id, {
			name: 'Projekter',
			unit: 'antal',
			baseline: 0,
			target: 10,
			dueOn: '2027-12-31',
			frequency: 'quarterly'
		});
		await recordMeasurement(analyst, kpi.id, { measuredOn: '2026-10-01', value: 1 }, agreement.id);

		const after = await meetingSlides(analyst, id);
		expect(after.slides).toEqual(before.slides);
		const comparison = await compareMeeting(analyst, id, null);
		const changed = Object.fromEntries(comparison.changed.map((c) => [c.key, c]));
		expect(changed.agreementsActive).toMatchObject({ change: 1 });
		expect(changed.kpisOffTrack).toMatchObject({ change: 1 });
		expect(changed.budgetTotal).toMatchObject({ change: 200000 });
		expect(changed.membersTotal).toBeUndefined();

		// A new snapshot takes today's figures into the deck; the old one is kept.
		await refreshSnapshot(analyst, id);
		const refreshed = await meetingSlides(analyst, id);
		expect(refreshed.slides).not.toEqual(before.slides);
		expect((await getMeeting(analyst, id)).snapshots).toHaveLength(2);
	});
});

describe('bad input and roles', () => {
	it.each<[string, Record<string, unknown>, string]>([
		['a short title', { title: 'x' }, 'title'],
		['an unknown audience', { audience: 'everyone' }, 'audience'],
		['a bad date', { heldOn: '2026-13-01' }, 'heldOn'],
		['a long agenda line', { agenda: ['ok line', 'x'.repeat(301)] }, 'agenda.1'],
		['a round of another region', { roundId: 999999 }, 'roundId']
	])('refuses %s, naming the field, and writes nothing', async (_name, change, path) => {
		const analyst = await testDb().userCtx('analyst');
		const count = (await listMeetingItems(analyst)).length;
		const error = await createMeeting(analyst, '1081', {
			title: 'Direktionsmøde',
			audience: 'management',
			heldOn: '2026-12-03',
			...change
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toContain(path);
		expect(await listMeetingItems(analyst)).toHaveLength(count);
	});

	it('saves the questions all together or not at all', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await demoMeeting('board');
		const before = (await getMeeting(analyst, id)).questions.map((q) => q.text);
		const error = await saveQuestions(analyst, id, {
			questions: ['Hvordan styrker vi samarbejdet?', 'kort']
		}).catch((e: unknown) => e);
		expect((error as ValidationError).issues[0]?.path).toEqual(['questions', 1]);
		expect((await getMeeting(analyst, id)).questions.map((q) => q.text)).toEqual(before);
		await saveQuestions(analyst, id, { questions: ['Hvordan styrker vi samarbejdet?', ...before] });
		const slides = await meetingSlides(analyst, id);
		expect(slides.slides.find((s) => s.id === 'questions')).toMatchObject({
			bullets: expect.arrayContaining(['Hvordan styrker vi samarbejdet?'])
		});
	});

	it('records decisions and follow-ups, linked only to agreements of the region', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { id } = await demoMeeting('board');
		await addOutcome(analyst, id, { kind: 'decision', text: 'Rammeaftale med ECD forlænges.' });
		const error = await addOutcome(analyst, id, {
			kind: 'follow-up',
			text: 'Udkast til aftale',
			agreementId: 999999
		}).catch((e: unknown) => e);
		expect((error as ValidationError).issues[0]?.path).toEqual(['agreementId']);
		expect((await getMeeting(analyst, id)).outcomes.map((o) => o.text)).toEqual([
			'Rammeaftale med ECD forlænges.'
		]);
	});

	it('lets viewers read decks but not create or change meetings', async () => {
		const viewer = await testDb().userCtx('viewer');
		const { id } = await demoMeeting('board');
		expect((await meetingSlides(viewer, id)).slides.length).toBeGreaterThan(0);
		await expect(
			createMeeting(viewer, '1081', { title: 'Møde', audience: 'board', heldOn: '2026-12-01' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(saveQuestions(viewer, id, { questions: [] })).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});
