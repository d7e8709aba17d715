import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/domain/errors';
import { listAudit } from '../../src/lib/server/db/queries/audit/audit-log';
import { importCompanyFile } from '../../src/lib/server/services/companies';
import { seedDemoData } from '../../src/lib/server/services/platform';
import {
	clearFitOverride,
	getFitJson,
	getFitPage,
	setFitOverride
} from '../../src/lib/server/services/fit';
import {
	getPortfolio,
	decideRecommendation,
	getRecommendations,
	getRecommendationsJson
} from '../../src/lib/server/services/collaboration';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { getStrategyPage } from '../../src/lib/server/services/strategy';
import { useTestDb } from './harness';

const testDb = useTestDb();

beforeAll(async () => {
	await seedReferenceData(testDb().db);
	await seedDemoData(testDb().db);
});

const cell = (fit: Awaited<ReturnType<typeof getFitJson>>, cluster: string, effort: string) =>
	fit.cells.find((c) => c.cluster === cluster && c.effort === effort);

describe('the fit matrix on the demo round', () => {
	it('scores the 12 active clusters against the 6 efforts, derived from the demo survey', async () => {
		const fit = await getFitJson(testDb().ctx(), '1081');
		expect(fit.clusters).toHaveLength(12);
		expect(fit.clusters.map((c) => c.slug)).not.toContain('marlog');
		expect(fit.cells).toHaveLength(72);
		expect(fit.provenance).toMatchObject({
			source: 'derived',
			strategyVersion: 1,
			strategyIsExample: true,
			survey: { n: 12, N: 12, isDemo: true, title: 'Nordjylland 2023 (demodata)' }
		});
		expect(fit.provenance.text).toContain('12 af 12');
	});

	it('reads sensibly: the energy and food clusters lead the green transition, robotics leads digitalisation', async () => {
		const fit = await getFitJson(testDb().ctx(), '1081');
		const best = (effort: string) =>
			fit.cells
				.filter((c) => c.effort === effort)
				.sort((a, b) => b.shown - a.shown)
				.slice(0, 2)
				.map((c) => c.cluster);
		expect(best('green-circular')).toEqual(['energy-cluster-denmark', 'food-bio-cluster-denmark']);
		expect(best('digitalisation')).toEqual(['odense-robotics', 'made']);
		// No cluster offers competence development in the survey or its profile: no thematic match.
		expect(
			fit.cells.filter((c) => c.effort === 'qualified-labour').every((c) => c.shown === 0)
		).toBe(true);
	});

	it('explains each cell: the criteria points add up to the score and link to their evidence', async () => {
		const fit = await getFitJson(testDb().ctx(), '1081');
		const ecd = cell(fit, 'energy-cluster-denmark', 'green-circular');
		expect(ecd?.confidence).toBe(1);
		const sum = ecd?.criteria.reduce((s, c) => s + (c.points ?? 0), 0) ?? 0;
		expect(Math.round(sum)).toBe(ecd?.score);
		const presence = ecd?.criteria.find((c) => c.criterion === 'presence');
		expect(presence?.evidence[0]).toContain('Aalborg');
		expect(presence?.link).toMatch(/^\/fund\/\d+#cluster-energy-cluster-denmark$/);
		expect(ecd?.criteria.find((c) => c.criterion === 'thematic')?.link).toBe(
			'/klynger/energy-cluster-denmark'
		);
	});
});

describe('what-if weights', () => {
	it('change the scores and the ranking without saving anything', async () => {
		const ctx = testDb().ctx();
		const saved = await getFitPage(ctx, '1081', {});
		const whatIf = await getFitPage(ctx, '1081', {
			thematic: '100',
			presence: '0',
			reach: '0',
			ties: '0',
			maturity: '0'
		});
		expect(saved.whatIf).toBe(false);
		expect(whatIf.whatIf).toBe(true);
		expect(whatIf.weights.thematic).toBe(100);
		expect(whatIf.rows.map((r) => r.total)).not.toEqual(saved.rows.map((r) => r.total));
		expect(whatIf.rows.some((r) => r.rank !== r.savedRank)).toBe(true);
		expect((await getStrategyPage(ctx, '1081', null)).latestVersion).toBe(1);
	});

	it('say what is wrong with a bad weight and keep the saved ones', async () => {
		const page = await getFitPage(testDb().ctx(undefined, 'en'), '1081', { thematic: 'lots' });
		expect(page.weightsError).toContain('Thematic match');
		expect(page.whatIf).toBe(false);
	});

	it('renders the heat map and the breakdown of a chosen cell', async () => {
		const page = await getFitPage(testDb().ctx(), '1081', {
			cluster: 'made',
			effort: 'digitalisation',
			sort: 'digitalisation'
		});
		expect(page.heatmap.svg).toContain('<svg');
		expect(page.rows[0]?.slug).toBe('odense-robotics');
		expect(page.breakdown).toMatchObject({
			cluster: { slug: 'made' },
			effort: { code: 'digitalisation' }
		});
	});
});

describe('overrides', () => {
	it('replace the shown score with a reason, keep the computed one, and are audited', async () => {
		const analyst = await testDb().userCtx('analyst');
		await setFitOverride(analyst, '1081', {
			cluster: 'danish-sound-cluster',
			effort: 'digitalisation',
			score: '70',
			reason: 'Lydteknologi er digital teknologi i Nordjylland'
		});
		const fit = await getFitJson(analyst, '1081');
		const dsc = cell(fit, 'danish-sound-cluster', 'digitalisation');
		expect(dsc?.shown).toBe(70);
		expect(dsc?.score).toBeLessThan(70);
		expect(dsc?.override).toMatchObject({
			score: 70,
			reason: 'Lydteknologi er digital teknologi i Nordjylland'
		});
		const audit = await listAudit(testDb().db, { entity: 'fit-override', limit: 5, offset: 0 });
		expect(audit[0]?.entityId).toBe('1081/danish-sound-cluster/digitalisation');
		await clearFitOverride(analyst, '1081', {
			cluster: 'danish-sound-cluster',
			effort: 'digitalisation'
		});
		expect(
			cell(await getFitJson(analyst, '1081'), 'danish-sound-cluster', 'digitalisation')?.override
		).toBeNull();
	});

	it('need a reason, a score in range and a real cell; viewers cannot set them', async () => {
		const analyst = await testDb().userCtx('analyst');
		const bad = await setFitOverride(analyst, '1081', {
			cluster: 'made',
			effort: 'digitalisation',
			score: '140',
			reason: ''
		}).catch((e: unknown) => e);
		expect((bad as ValidationError).issues.map((i) => i.path[0])).toEqual(['score', 'reason']);
		await expect(
			setFitOverride(analyst, '1081', {
				cluster: 'made',
				effort: 'no-such-effort',
				score: '10',
				reason: 'fordi'
			})
		).rejects.toThrow(NotFoundError);
		const viewer = await testDb().userCtx('viewer');
		await expect(
			setFitOverride(viewer, '1081', {
				cluster: 'made',
				effort: 'digitalisation',
				score: '10',
				reason: 'fordi'
			})
		).rejects.toThrow(ForbiddenError);
	});
});

describe('recommendations', () => {
	it('propose a framework agreement for the energy cluster, the joint hub with Green Hub Denmark second', async () => {
		const view = await getRecommendations(testDb().ctx(), '1081');
		expect(view.items).toHaveLength(12);
		const ecd = view.items.find((i) => i.cluster === 'energy-cluster-denmark');
		expect(ecd?.options.map((o) => o.model)).toEqual(['framework-agreement', 'joint-hub']);
		expect(ecd?.summary).toMatch(
			/^Klyngen har kontor i Aalborg; 80 medlemmer i regionen; moden organisation; .+ → Rammeaftale med mål og KPI'er$/
		);
		expect(ecd?.options[1]?.reasons.join(' ')).toContain('Green Hub Denmark');
		expect(ecd?.options[0]?.checklist.filter((c) => !c.met).map((c) => c.code)).toEqual([
			'respect-core-narrative',
			'concrete-agreement',
			'goals-kpis'
		]);
		// Every active cluster gets at least one proposal.
		expect(view.items.every((i) => i.options.length >= 1)).toBe(true);
	});

	it('keep each decision with its note, author and date; confirmed points count as met', async () => {
		const analyst = await testDb().userCtx('analyst');
		await decideRecommendation(analyst, '1081', {
			cluster: 'energy-cluster-denmark',
			decision: 'accepted',
			note: 'Drøftet med direktionen; rammeaftale fra 2027.',
			checklistMet: ['goals-kpis']
		});
		await decideRecommendation(analyst, '1081', {
			cluster: 'made',
			decision: 'changed',
			chosenModel: 'project-partnership',
			note: 'Start med et konkret projekt om automatisering.'
		});
		await decideRecommendation(analyst, '1081', {
			cluster: 'copenhagen-fintech',
			decision: 'rejected',
			note: 'Ikke relevant nu.'
		});
		const json = await getRecommendationsJson(analyst, '1081');
		const ecd = json.items.find((i) => i.cluster === 'energy-cluster-denmark');
		expect(ecd?.decision).toMatchObject({
			decision: 'accepted',
			chosenModel: 'framework-agreement',
			note: 'Drøftet med direktionen; rammeaftale fra 2027.',
			by: expect.stringContaining('analyst')
		});
		expect(ecd?.options[0]?.checklist.find((c) => c.code === 'goals-kpis')?.met).toBe(true);
		const made = json.items.find((i) => i.cluster === 'made');
		expect(made?.decision).toMatchObject({
			decision: 'changed',
			chosenModel: 'project-partnership'
		});
	});

	it('need a note and, to change, a model; viewers cannot decide', async () => {
		const analyst = await testDb().userCtx('analyst');
		const noNote = await decideRecommendation(analyst, '1081', {
			cluster: 'made',
			decision: 'accepted',
			note: ''
		}).catch((e: unknown) => e);
		expect((noNote as ValidationError).issues[0]?.path).toEqual(['note']);
		const noModel = await decideRecommendation(analyst, '1081', {
			cluster: 'made',
			decision: 'changed',
			note: 'anden model'
		}).catch((e: unknown) => e);
		expect((noModel as ValidationError).issues[0]?.path).toEqual(['chosenModel']);
		const viewer = await testDb().userCtx('viewer');
		await expect(
			decideRecommendation(viewer, '1081', { cluster: 'made', decision: 'accepted', note: 'ok ok' })
		).rejects.toThrow(ForbiddenError);
	});

	it('add up to a portfolio with gaps and the likely new maritime cluster area', async () => {
		const portfolio = await getPortfolio(testDb().ctx(), '1081');
		expect(portfolio.chosen.map((c) => c.cluster).sort()).toEqual([
			'energy-cluster-denmark',
			'made'
		]);
		expect(portfolio.rejected.map((c) => c.cluster)).toEqual(['copenhagen-fintech']);
		const row = (effort: string) => portfolio.rows.find((r) => r.effort === effort);
		expect(row('green-circular')?.chosen.map((c) => c.cluster)).toEqual(['energy-cluster-denmark']);
		expect(row('digitalisation')?.chosen.map((c) => c.cluster)).toEqual(['made']);
		expect(row('qualified-labour')).toMatchObject({ gap: true, noCluster: true });
		expect(portfolio.newAreas.map((a) => a.area)).toEqual(['Maritime erhverv og logistik']);
		expect(portfolio.newAreas[0]?.closed[0]).toMatchObject({ year: 2022 });
	});
});

describe('the fit matrix with the company register', () => {
	it('scores reach with the register’s unique count where it has lists, and says where it comes from', async () => {
		const ctx = testDb().ctx();
		const reach = (fit: Awaited<ReturnType<typeof getFitJson>>, cluster: string) =>
			cell(fit, cluster, 'digitalisation')?.criteria.find((c) => c.criterion === 'reach');
		const before = await getFitJson(ctx, '1081');
		// MADE's demo answer: 28 members (19 under 50), 140 unique companies:
		// 0.5 × 0.28 + 0.3 × 140/600 + 0.2 × 19/28 = 0.3457 → 35.
		expect(reach(before, 'made')?.value).toBe(35);
		expect(before.provenance.register).toBeNull();

		await importCompanyFile(
			ctx,
			readFileSync(join('tests', 'fixtures', 'imports', 'register.csv')),
			{ kind: 'register', filename: 'register.csv' }
		);
		for (const [year, rows] of [
			[2023, ['cvr;pnummer', '70004119;', '70016443;', '70028778;1003388394', '70032880;']],
			[2024, ['cvr', '70004119', '70036991']]
		] as const) {
			await importCompanyFile(ctx, Buffer.from(rows.join('\n') + '\n'), {
				kind: 'members',
				cluster: 'made',
				year,
				filename: `made-${year}.csv`
			});
		}
		const after = await getFitJson(ctx, '1081');
		// In the region over both years: 70004119 and 70036991 (Aalborg), 70016443 (Frederikshavn)
		// and 70028778 (its Aalborg unit) – 4; Copenhagen's 70032880 does not count.
		// 0.5 × 0.28 + 0.3 × 4/600 + 0.2 × 19/28 = 0.2777 → 28.
		const made = reach(after, 'made');
		expect(made?.value).toBe(28);
		expect(made?.evidence).toEqual([
			'28 medlemmer og 140 unikke virksomheder i regionen ifølge Nordjylland 2023 (demodata).',
			expect.stringMatching(
				/^Virksomhedsregistret: 4 unikke virksomheder i regionen efter CVR-nummer i klyngens lister \(antal lister: 2, seneste import \d{1,2}\. \p{L}+\.? \d{4}\); rækkevidden regnes med registrets tal\.$/u
			),
			'68 % af medlemmerne har under 50 ansatte.'
		]);
		// A cluster without lists is scored as before.
		expect(reach(after, 'odense-robotics')).toEqual(reach(before, 'odense-robotics'));
		expect(after.provenance.register).toMatchObject({ clusters: 1, lists: 2 });
		expect(after.provenance.text).toContain('virksomhedsregistret (2 lister for 1 af klyngerne');
	});
});
