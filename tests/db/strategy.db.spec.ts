import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/domain/errors';
import { listAudit } from '../../src/lib/server/db/queries/audit/audit-log';
import { seedDemoData } from '../../src/lib/server/services/platform';
import {
	createModel,
	getCatalogue,
	getModel,
	saveModel
} from '../../src/lib/server/services/collaboration';
import { seedReferenceData } from '../../src/lib/server/services/landscape';
import {
	getStrategyPage,
	removeEffort,
	restoreVersion,
	saveEffort,
	saveHub,
	saveVision,
	saveWeights
} from '../../src/lib/server/services/strategy';
import { useTestDb } from './harness';

const testDb = useTestDb();

beforeAll(async () => {
	await seedReferenceData(testDb().db);
	await seedDemoData(testDb().db);
});

const effortInput = (baseVersion: number, extra: Record<string, unknown> = {}) => ({
	baseVersion,
	title: { da: 'Det blå Nordjylland', en: 'The blue North Jutland' },
	description: 'Maritime erhverv og fiskeri.',
	areas: ['Maritime erhverv og logistik (maritime industries and logistics)'],
	activityCategories: ['innovation-projects'],
	keywords: 'maritim, havn, fiskeri',
	...extra
});

describe('the example strategy', () => {
	it('is seeded once for North Jutland as version 1, marked as an example', async () => {
		const page = await getStrategyPage(testDb().ctx(), '1081', null);
		expect(page.version).toMatchObject({ version: 1, isExample: true });
		expect(page.version?.vision).toContain('innovativ hub for grøn omstilling');
		expect(page.version?.efforts.map((e) => e.code)).toEqual([
			'digitalisation',
			'qualified-labour',
			'green-circular',
			'clusters-innovation',
			'entrepreneurship-growth',
			'internationalisation'
		]);
		expect(page.version?.hubs.map((h) => h.actor)).toEqual([
			'green-hub-denmark',
			'hydrogen-valley'
		]);
		await seedReferenceData(testDb().db, { force: true });
		expect((await getStrategyPage(testDb().ctx(), '1081', null)).versions).toHaveLength(1);
	});

	it('other regions start without a strategy', async () => {
		const page = await getStrategyPage(testDb().ctx(), '1082', null);
		expect(page.version).toBeNull();
		expect(page.versions).toEqual([]);
	});
});

describe('editing the strategy', () => {
	it('saves each change as a new version; the earlier one stays viewable and loses nothing', async () => {
		const ctx = await testDb().userCtx('analyst');
		const v2 = await saveEffort(ctx, '1081', effortInput(1));
		expect(v2).toMatchObject({ version: 2, isExample: false });
		const added = v2.efforts.at(-1);
		expect(added).toMatchObject({
			code: 'det-blaa-nordjylland',
			keywords: ['maritim', 'havn', 'fiskeri'],
			areas: ['Maritime erhverv og logistik (maritime industries and logistics)']
		});
		const v1 = await getStrategyPage(ctx, '1081', 1);
		expect(v1.version?.efforts).toHaveLength(6);
		expect(v1.latestVersion).toBe(2);
		const audit = await listAudit(testDb().db, {
			entity: 'strategy',
			entityId: '1081',
			limit: 5,
			offset: 0
		});
		expect(audit[0]).toMatchObject({
			action: 'update',
			actorLabel: expect.stringContaining('analyst')
		});
	});

	it('edits an effort in place by its code and removes it again', async () => {
		const ctx = await testDb().userCtx('analyst');
		const v3 = await saveEffort(
			ctx,
			'1081',
			effortInput(2, { original: 'det-blaa-nordjylland', keywords: 'maritim' })
		);
		expect(v3.efforts.find((e) => e.code === 'det-blaa-nordjylland')?.keywords).toEqual([
			'maritim'
		]);
		expect(v3.efforts).toHaveLength(7);
		const v4 = await removeEffort(ctx, '1081', { baseVersion: 3, code: 'det-blaa-nordjylland' });
		expect(v4.efforts).toHaveLength(6);
	});

	it('refuses a change made on an old version, and writes nothing', async () => {
		const ctx = await testDb().userCtx('analyst');
		await expect(saveVision(ctx, '1081', { baseVersion: 1, vision: 'Ny vision' })).rejects.toThrow(
			ConflictError
		);
		expect((await getStrategyPage(ctx, '1081', null)).latestVersion).toBe(4);
	});

	it('names the field of bad input in the user’s language and writes nothing', async () => {
		const ctx = await testDb().userCtx('analyst', 'en');
		const empty = await saveEffort(
			ctx,
			'1081',
			effortInput(4, { title: { da: '', en: '' } })
		).catch((e: unknown) => e);
		expect(empty).toBeInstanceOf(ValidationError);
		expect((empty as ValidationError).issues[0]?.path).toEqual(['title', 'da']);
		const unknown = await saveEffort(
			ctx,
			'1081',
			effortInput(4, { activityCategories: ['knitting'] })
		).catch((e: unknown) => e);
		expect((unknown as ValidationError).issues[0]).toMatchObject({
			path: ['activityCategories'],
			message: expect.stringContaining('knitting')
		});
		const zero = await saveWeights(ctx, '1081', {
			baseVersion: 4,
			thematic: 0,
			presence: 0,
			reach: 0,
			ties: 0,
			maturity: 0
		}).catch((e: unknown) => e);
		expect((zero as ValidationError).issues[0]?.message).toBe(
			'At least one weight must be above 0.'
		);
		const hub = await saveHub(ctx, '1081', {
			baseVersion: 4,
			actor: 'no-such-actor',
			keywords: 'x y'
		}).catch((e: unknown) => e);
		expect((hub as ValidationError).issues[0]?.path).toEqual(['actor']);
		expect((await getStrategyPage(ctx, '1081', null)).latestVersion).toBe(4);
	});

	it('restores an earlier version as a new one', async () => {
		const ctx = await testDb().userCtx('analyst');
		const v5 = await restoreVersion(ctx, '1081', { baseVersion: 4, version: 2 });
		expect(v5.version).toBe(5);
		expect(v5.efforts.map((e) => e.code)).toContain('det-blaa-nordjylland');
		// Leave the strategy as the example had it, for the fit tests below.
		await restoreVersion(ctx, '1081', { baseVersion: 5, version: 1 });
	});

	it('is closed to viewers', async () => {
		const viewer = await testDb().userCtx('viewer');
		await expect(saveVision(viewer, '1081', { baseVersion: 6, vision: 'x' })).rejects.toThrow(
			ForbiddenError
		);
		await expect(getStrategyPage(viewer, '1081', null)).resolves.toMatchObject({
			latestVersion: 6
		});
	});
});

/** The model form's fields for a model, as the page sends them. */
function formOf(model: Awaited<ReturnType<typeof getModel>>['model']): Record<string, unknown> {
	const fields: Record<string, unknown> = {
		version: String(model.version),
		contributions: model.contributions,
		typicalMonths: String(model.typicalMonths ?? ''),
		suitsStages: model.suitsStages,
		suitsPresence: model.suitsPresence,
		checklist: model.checklist
	};
	for (const lang of ['da', 'en'] as const) {
		const t = model.texts[lang];
		Object.assign(fields, {
			[`${lang}.name`]: t.name,
			[`${lang}.purpose`]: t.purpose,
			[`${lang}.regionContributes`]: t.regionContributes,
			[`${lang}.clusterCommits`]: t.clusterCommits,
			[`${lang}.kpis`]: t.kpis.join('\n'),
			[`${lang}.risks`]: t.risks
		});
	}
	return fields;
}

describe('the collaboration-model catalogue', () => {
	it('is seeded with the seven models in Danish and English', async () => {
		const { models } = await getCatalogue(testDb().ctx());
		expect(models).toHaveLength(7);
		expect(models[0]).toMatchObject({
			code: 'framework-agreement',
			origin: 'reference',
			edited: false
		});
		expect(models.find((m) => m.code === 'joint-hub')?.texts.da.purpose).toContain(
			'Green Hub Denmark'
		);
	});

	it('keeps an analyst’s edit through a new seed, and refuses an edit of a stale version', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { model } = await getModel(analyst, 'dialogue');
		const saved = await saveModel(analyst, 'dialogue', {
			...formOf(model),
			'da.name': 'Dialogaftale',
			'da.kpis': 'Møder\nProjektideer'
		});
		expect(saved).toMatchObject({
			edited: true,
			version: 2,
			texts: { da: { name: 'Dialogaftale', kpis: ['Møder', 'Projektideer'] } }
		});
		await seedReferenceData(testDb().db, { force: true });
		expect((await getModel(analyst, 'dialogue')).model.texts.da.name).toBe('Dialogaftale');
		await expect(saveModel(analyst, 'dialogue', formOf(model))).rejects.toThrow(ConflictError);
	});

	it('names the fields of a bad model and writes nothing', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { model } = await getModel(analyst, 'co-location');
		const error = await saveModel(analyst, 'co-location', {
			...formOf(model),
			'en.name': '',
			suitsStages: [],
			checklist: ['not-a-point']
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues.map((i) => i.path.join('.')).sort()).toEqual([
			'checklist.0',
			'en.name',
			'suitsStages'
		]);
		expect((await getModel(analyst, 'co-location')).model.version).toBe(1);
	});

	it('takes new models from analysts, but not from viewers', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { model } = await getModel(analyst, 'dialogue');
		const created = await createModel(analyst, {
			...formOf(model),
			'da.name': 'Fælles stand på messe'
		});
		expect(created).toMatchObject({ code: 'faelles-stand-paa-messe', origin: 'user' });
		const viewer = await testDb().userCtx('viewer');
		await expect(createModel(viewer, formOf(model))).rejects.toThrow(ForbiddenError);
	});
});
