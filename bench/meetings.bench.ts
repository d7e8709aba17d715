/**
 * Decks for North Jutland on the demo round: taking a meeting's snapshot, building the slide
 * model, writing the management deck (25 slides, 11 native charts, a map) and the board deck as
 * PowerPoint, and converting the board deck to PDF with LibreOffice when it is installed.
 */
import { Bench } from 'tinybench';
import { findSoffice, pptxToPdf } from '../src/lib/server/pptx/pdf';
import type { Ctx } from '../src/lib/server/services/context';
import { seedDemoData } from '../src/lib/server/services/platform';
import {
	meetingDeck,
	meetingSlides,
	takeSnapshot,
	listMeetingItems
} from '../src/lib/server/services/meetings';
import { seedReferenceData } from '../src/lib/server/services/platform';
import { benchDatabases } from './db';
import { latencyFigures, median, type Figure } from './harness';

export async function run(): Promise<Figure[]> {
	const figures: Figure[] = [];
	const databases = await benchDatabases();
	for (const db of databases) {
		const ctx: Ctx = { db: db.handle.db, actor: { kind: 'system', label: 'test' }, locale: 'da' };
		await seedReferenceData(ctx.db);
		const { surveyRoundId } = await seedDemoData(ctx.db);
		const meetings = await listMeetingItems(ctx, { region: '1081' });
		const management = meetings.find((x) => x.audience === 'management');
		const board = meetings.find((x) => x.audience === 'board');
		if (!management || !board) throw new Error('the demo meetings are missing');
		const slides = (await meetingSlides(ctx, management.id)).slides;
		const charts = slides.filter((s) => s.kind === 'chart').length;
		const bench = new Bench({ iterations: 10, warmupIterations: 2 });
		bench.add(
			'snapshot of every figure (landscape, findings, fit, recommendations, agreements)',
			async () => {
				await takeSnapshot(ctx, '1081', surveyRoundId, 'da');
			}
		);
		bench.add('slide model from the snapshot (management)', async () => {
			await meetingSlides(ctx, management.id);
		});
		bench.add(`management deck .pptx (${slides.length} slides, ${charts} charts)`, async () => {
			await meetingDeck(ctx, management.id, 'pptx');
		});
		bench.add('board deck .pptx', async () => {
			await meetingDeck(ctx, board.id, 'pptx');
		});
		await bench.run();
		figures.push(...latencyFigures('meetings', db.label, bench.tasks));
		// LibreOffice's time does not depend on the database: measured once, on the first one.
		const soffice = findSoffice('soffice', process.env.PATH ?? '');
		if (soffice && db === databases[0]) {
			const pptx = (await meetingDeck(ctx, board.id, 'pptx')).body;
			const times: number[] = [];
			for (let i = 0; i < 3; i++) {
				const started = performance.now();
				await pptxToPdf(soffice, pptx);
				times.push(performance.now() - started);
			}
			figures.push({
				bench: 'meetings',
				case: 'board deck .pptx → PDF with LibreOffice (median of 3)',
				metric: 'time',
				value: median(times) / 1000,
				unit: 's'
			});
		}
		await db.dispose();
	}
	return figures;
}
