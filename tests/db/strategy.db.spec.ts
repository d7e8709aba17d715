import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/domain/errors';
import { listAudit } from '../../src/lib/server/db/queries/audit/audit-log';
import {
	createModel,
	getCatalogue,
	getModel,
	saveModel
} from '../../src/lib/server/services/collaboration';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import {
	getStrategyPage,
	removeEffort,
	restoreVersion,
	saveEffort,
	saveHub,
	saveVision,
	saveWeights,
	type StrategyVersionView
} from '../../src/lib/server/services/strategy';
import type { Ctx } from '../../src/lib/server/services/context';
import { effortForm, newStrategy } from './factories';
import { useTestDb } from './harness';

const testDb = useTestDb();

beforeAll(async () => {
	await seedReferenceData(testDb().db);
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
	// A region of its own, so the versions counted are the ones made here.
	const region = '1083';
	let base: StrategyVersionView;

	beforeAll(async () => {
		base = await newStrategy(testDb(), region, [effortForm('Grøn energi'), effortForm('Robotter')]);
	});

	it('saves each change as a new version; the earlier one stays viewable and loses nothing', async () => {
		const ctx = await testDb().userCtx('analyst');
		const next = await saveEffort(ctx, region, effortInput(base.version));
		expect(next).toMatchObject({ version: base.version + 1, isExample: false });
		const added = next.efforts.at(-1);
		expect(added).toMatchObject({
			code: 'det-blaa-nordjylland',
			keywords: ['maritim', 'havn', 'fiskeri'],
			areas: ['Maritime erhverv og logistik (maritime industries and logistics)']
		});
		expect(next.efforts).toHaveLength(base.efforts.length + 1);
		const earlier = await getStrategyPage(ctx, region, base.version);
		expect(earlier.version?.efforts).toEqual(base.efforts);
		expect(earlier.latestVersion).toBe(next.version);
		const audit = await listAudit(testDb().db, {
			entity: 'strategy',
			entityId: region,
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
		const latest = await latestOf(ctx);
		const edited = await saveEffort(
			ctx,
			region,
			effortInput(latest.version, { original: 'det-blaa-nordjylland', keywords: 'maritim' })
		);
		expect(edited.efforts.find((e) => e.code === 'det-blaa-nordjylland')?.keywords).toEqual([
			'maritim'
		]);
		expect(edited.efforts).toHaveLength(latest.efforts.length);
		const removed = await removeEffort(ctx, region, {
			baseVersion: edited.version,
			code: 'det-blaa-nordjylland'
		});
		expect(removed.version).toBe(edited.version + 1);
		expect(removed.efforts).toEqual(base.efforts);
	});

	it('refuses a change made on an old version, and writes nothing', async () => {
		const ctx = await testDb().userCtx('analyst');
		const latest = await latestOf(ctx);
		await expect(
			saveVision(ctx, region, { baseVersion: base.version, vision: 'Ny vision' })
		).rejects.toThrow(ConflictError);
		expect((await getStrategyPage(ctx, region, null)).latestVersion).toBe(latest.version);
	});

	it('names the field of bad input in the user’s language and writes nothing', async () => {
		const ctx = await testDb().userCtx('analyst', 'en');
		const { version } = await latestOf(ctx);
		const empty = await saveEffort(
			ctx,
			region,
			effortInput(version, { title: { da: '', en: '' } })
		).catch((e: unknown) => e);
		expect(empty).toBeInstanceOf(ValidationError);
		expect((empty as ValidationError).issues[0]?.path).toEqual(['title', 'da']);
		const unknown = await saveEffort(
			ctx,
			region,
			effortInput(version, { activityCategories: ['knitting'] })
		).catch((e: unknown) => e);
		expect((unknown as ValidationError).issues[0]).toMatchObject({
			path: ['activityCategories'],
			message: expect.stringContaining('knitting')
		});
		const zero = await saveWeights(ctx, region, {
			baseVersion: version,
			thematic: 0,
			presence: 0,
			reach: 0,
			ties: 0,
			maturity: 0
		}).catch((e: unknown) => e);
		expect((zero as ValidationError).issues[0]?.message).toBe(
			'At least one weight must be above 0.'
		);
		const hub = await saveHub(ctx, region, {
			baseVersion: version,
			actor: 'no-such-actor',
			keywords: 'x y'
		}).catch((e: unknown) => e);
		expect((hub as ValidationError).issues[0]?.path).toEqual(['actor']);
		expect((await getStrategyPage(ctx, region, null)).latestVersion).toBe(version);
	});

	it('restores an earlier version as a new one', async () => {
		const ctx = await testDb().userCtx('analyst');
		const latest = await latestOf(ctx);
		const withMaritime = base.version + 1;
		const restored = await restoreVersion(ctx, region, {
			baseVersion: latest.version,
			version: withMaritime
		});
		expect(restored.version).toBe(latest.version + 1);
		expect(restored.efforts.map((e) => e.code)).toContain('det-blaa-nordjylland');
	});

	it('is closed to viewers', async () => {
		const viewer = await testDb().userCtx('viewer');
		const { version } = await latestOf(testDb().ctx());
		await expect(saveVision(viewer, region, { baseVersion: version, vision: 'x' })).rejects.toThrow(
			ForbiddenError
		);
		await expect(getStrategyPage(viewer, region, null)).resolves.toMatchObject({
			latestVersion: version
		});
	});

	async function latestOf(ctx: Ctx): Promise<StrategyVersionView> {
		const page = await getStrategyPage(ctx, region, null);
		if (!page.version) throw new Error(`region ${region} has no strategy`);
		return page.version;
	}
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
