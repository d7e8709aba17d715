/**
 * Golden tests of the slide model: the demo round's snapshot (tests/fixtures/deck/) through
 * `buildSlides` for the board and for management, compared slide by slide with the reviewed
 * golden files. After a deliberate change to the deck, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/deck-slides.spec.ts` and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposeQuestions } from '../../src/lib/domain/meetings/questions';
import { buildSlides, type DeckMeeting, type Slide } from '../../src/lib/domain/meetings/slides';
import { compareSnapshots, type DeckSnapshot } from '../../src/lib/domain/meetings/snapshot';
import { messageByKey } from '../../src/lib/server/i18n';

const dir = join('tests', 'fixtures', 'deck');
const snapshot = JSON.parse(
	readFileSync(join(dir, 'snapshot-nordjylland.json'), 'utf8')
) as DeckSnapshot;
const say = (key: string, params: Record<string, string | number> = {}) =>
	messageByKey(key, params, 'da') ?? `MISSING ${key}`;

function meeting(audience: DeckMeeting['audience']): DeckMeeting {
	return {
		title: 'Samarbejdet med de nationale klynger',
		audience,
		heldOn: '2026-12-10',
		purpose: 'Beslutte samarbejdsmodeller.',
		agenda: ['Klyngelandskabet', 'Resultater', 'Dialog'],
		questions: ['Hvilke klynger prioriterer vi?'],
		isDemo: true
	};
}

/** What a reviewer reads in a golden file: every text and number on each slide. */
function summary(slide: Slide): unknown {
	switch (slide.kind) {
		case 'title':
			return slide;
		case 'chart':
			return {
				id: slide.id,
				kind: slide.kind,
				title: slide.title,
				headline: slide.headline,
				chart: slide.chart,
				footer: slide.footer
			};
		case 'table':
			return {
				id: slide.id,
				kind: slide.kind,
				title: slide.title,
				columns: slide.columns,
				rows: slide.rows.map((r) => r.map((c) => (c.tone ? `${c.text} [${c.tone}]` : c.text))),
				footer: slide.footer
			};
		case 'image':
			return { id: slide.id, kind: slide.kind, title: slide.title, caption: slide.caption };
		default:
			return { ...slide, notes: undefined };
	}
}

describe.each(['board', 'management'] as const)('the %s deck of the demo round', (audience) => {
	const slides = buildSlides(snapshot, meeting(audience), say);

	it('matches the reviewed golden slides', () => {
		const file = join(dir, `${audience}.golden.json`);
		const actual = slides.map(summary);
		if (process.env.UPDATE_GOLDEN === '1')
			writeFileSync(file, `${JSON.stringify(actual, null, '\t')}\n`);
		expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
	});

	it('has no missing message and speaker notes on every content slide', () => {
		expect(JSON.stringify(slides)).not.toContain('MISSING');
		for (const slide of slides)
			if (slide.kind !== 'title') expect(slide.notes.length, slide.id).toBeGreaterThan(10);
	});
});

describe('the slide model', () => {
	const board = buildSlides(snapshot, meeting('board'), say);
	const management = buildSlides(snapshot, meeting('management'), say);

	it('makes the board deck short and the management deck full', () => {
		expect(board).toHaveLength(12);
		expect(management).toHaveLength(25);
		expect(management.filter((s) => s.kind === 'chart')).toHaveLength(11);
	});

	it('carries the survey figures of the source document with n of N and date', () => {
		const presence = management.find((s) => s.id === 'finding-presence');
		if (presence?.kind !== 'chart') throw new Error('no presence chart');
		expect(presence.chart.categories).toEqual([
			'Ingen aktiviteter i Region Nordjylland',
			'Selvstændigt fysisk kontor',
			'Samlokation med Aalborg Universitet',
			'Samlokation med Erhvervshus Nordjylland',
			'Andet'
		]);
		expect(presence.chart.series[0]?.values).toEqual([0, 5, 3, 2, 0]);
		expect(presence.footer).toMatch(/n = 12 af 12 · seneste svar \d+\. \w+\. \d{4}/);
		const members = management.find((s) => s.id === 'finding-members');
		expect(members).toMatchObject({
			chart: { series: [{ values: [375, 123, 252] }] },
			notes: expect.stringContaining('kan være med hos flere klynger')
		});
	});

	it('shows the budget in thousands and leaves agreements out when there are none', () => {
		const budget = management.find((s) => s.id === 'budget');
		expect(budget).toMatchObject({
			chart: { type: 'column', series: [{ values: [500, 500, 500] }, {}, {}] }
		});
		const none = buildSlides({ ...snapshot, agreements: null }, meeting('management'), say);
		expect(none.map((s) => s.id)).not.toContain('agreements');
		expect(none).toHaveLength(22);
	});

	it('labels demo data on the title slide and says so when a region has no survey', () => {
		expect(board[0]).toMatchObject({ kind: 'title', demo: expect.stringContaining('Demodata') });
		const real = buildSlides(
			{ ...snapshot, survey: null },
			{ ...meeting('board'), isDemo: false },
			say
		);
		expect(real[0]).toMatchObject({ demo: null });
		expect(real.find((s) => s.id === 'survey-missing')).toMatchObject({
			bullets: ['Der er ingen spørgeskemarunde med gennemførte svar for regionen endnu.']
		});
	});
});

describe('the register beside the reported figures', () => {
	it('adds the unique count to the board headlines and a slide for management, when lists exist', () => {
		if (!snapshot.survey) throw new Error('fixture has a survey');
		const withRegister: DeckSnapshot = {
			...snapshot,
			survey: { ...snapshot.survey, register: { unique: 1312, from: 2021, to: 2023 } }
		};
		const line =
			'Registret: 1.312 unikke virksomheder efter CVR-nummer i klyngernes egne lister 2021–2023.';
		const board = buildSlides(withRegister, meeting('board'), say);
		expect(board.find((s) => s.id === 'headlines')).toMatchObject({
			bullets: expect.arrayContaining([line])
		});
		const management = buildSlides(withRegister, meeting('management'), say);
		expect(management.find((s) => s.id === 'register')).toMatchObject({
			kind: 'bullets',
			bullets: [expect.stringContaining('Mindst 1.740 unikke virksomheder'), line]
		});
		// Without lists the decks stay as they were (the golden files).
		expect(buildSlides(snapshot, meeting('management'), say).map((s) => s.id)).not.toContain(
			'register'
		);
	});
});

describe('proposed dialogue questions', () => {
	it('come from the gaps in the findings, undecided recommendations and KPIs off track', () => {
		expect(proposeQuestions(snapshot, 'board', say)).toEqual([
			'Hvordan engagerer vi de 4 klynger i Region Nordjylland, som ikke har en aftale?',
			'Skal vi arbejde for fysisk tilstedeværelse for de 5 klynger uden kontor eller fast plads i Region Nordjylland?',
			'7 kommunale aftaler fordelt på 5 kommuner: skal de samles i tværkommunale aftaler?',
			"Skal vi gå videre med Rammeaftale med mål og KPI'er med ECD?",
			"Skal vi gå videre med Rammeaftale med mål og KPI'er med FBCD?",
			"KPI'er, som ikke er på sporet: 1. Hvad gør vi ved dem?"
		]);
	});
});

describe('comparing snapshots', () => {
	it('lists the key figures that moved and the cluster profiles that changed', () => {
		const later: DeckSnapshot = structuredClone(snapshot);
		if (!later.survey) throw new Error('fixture has a survey');
		later.survey.figures.membersTotal += 10;
		const first = later.landscape.clusters[0];
		if (first) first.stage = 'mature';
		const { changed, clusters, rows } = compareSnapshots(snapshot, later);
		expect(rows).toHaveLength(12);
		expect(changed).toEqual([{ key: 'membersTotal', before: 375, after: 385, change: 10 }]);
		expect(clusters).toEqual([
			{ name: 'CLEAN', field: 'stage', before: 'developing', after: 'mature' }
		]);
	});
});
