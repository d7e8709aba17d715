import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/lib/domain/errors';
import { auditLog, clusterFigures, clusters } from '../../src/lib/server/db/schema';
import {
	getClusterProfile,
	getLandscape,
	addOffice,
	deleteFigure,
	saveFigure,
	setActivities,
	setStageOverride,
	updateCluster,
	getLandscapeMap,
	getActors,
	getMunicipalities,
	getRegions
} from '../../src/lib/server/services/landscape';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import { useTestDb } from './harness';

const testDb = useTestDb();

beforeAll(async () => {
	await seedReferenceData(testDb().db);
});

describe('reference seed', () => {
	it('loads 13 identified clusters, 98 municipalities in 5 regions and the North Jutland actors', async () => {
		const { ctx } = testDb();
		const landscape = await getLandscape(ctx(), {});
		expect(landscape.total).toBe(13);
		expect(landscape.clusters.find((s) => s.cluster.slug === 'marlog')).toMatchObject({
			statusAsOf: 'closed',
			cluster: { closedYear: 2022 }
		});
		expect(await getMunicipalities(ctx())).toHaveLength(98);
		expect((await getRegions(ctx())).map((r) => [r.code, r.municipalities])).toEqual([
			['1081', 11],
			['1082', 19],
			['1083', 22],
			['1084', 29],
			['1085', 17]
		]);
		const actors = await getActors(ctx(), { region: '1081' });
		expect(actors.find((a) => a.slug === 'aau')?.surveyRoles).toEqual([
			'presence-co-location',
			'partners'
		]);
	});

	it('is skipped when the files are unchanged, and repeatable with force', async () => {
		const { db } = testDb();
		expect((await seedReferenceData(db)).skipped).toBe(true);
		const again = await seedReferenceData(db, { force: true });
		expect(again).toMatchObject({ skipped: false, clustersInserted: 0 });
		expect((await db.select().from(clusters)).length).toBe(13);
	});
});

describe('landscape snapshots', () => {
	it('as of 2021 shows 14 designated, of which 13 identified (MARLOG still active)', async () => {
		const view = await getLandscape(testDb().ctx(), { asOf: '2021' });
		expect(view.programmeCounts).toEqual([
			expect.objectContaining({
				code: 'innovationskraft-2021-2024',
				count: 14,
				identified: 13,
				unidentified: 1
			})
		]);
		expect(view.clusters).toHaveLength(13);
		expect(view.clusters.find((s) => s.cluster.slug === 'marlog')?.statusAsOf).toBe('active');
	});

	it('as of 2023 shows the 12 active clusters of 13 in the programme', async () => {
		const view = await getLandscape(testDb().ctx(), { asOf: 2023 });
		expect(view.clusters.map((s) => s.cluster.slug)).not.toContain('marlog');
		expect(view.clusters).toHaveLength(12);
		expect(view.programmeCounts[0]).toMatchObject({ count: 13, identified: 12, unidentified: 1 });
	});

	it('shows the figures valid in the snapshot year', async () => {
		const ecd2019 = (await getLandscape(testDb().ctx(), { asOf: 2021 })).clusters.find(
			(s) => s.cluster.slug === 'energy-cluster-denmark'
		);
		expect(ecd2019?.figures.members).toMatchObject({ value: 400, year: 2020 });
		expect(ecd2019?.stage).toBe('mature');
	});

	it('filters by region presence and by stage', async () => {
		const { ctx } = testDb();
		const north = await getLandscape(ctx(), { region: '1081', status: 'active' });
		expect(north.clusters.map((s) => s.cluster.slug).sort()).toEqual([
			'danish-life-science-cluster',
			'energy-cluster-denmark',
			'food-bio-cluster-denmark',
			'odense-robotics',
			'we-build-denmark'
		]);
		const mature = await getLandscape(ctx(), { stage: 'mature' });
		expect(mature.clusters.map((s) => s.cluster.slug)).toEqual(['energy-cluster-denmark']);
	});

	it('refuses bad filters with the field named', async () => {
		await expect(
			getLandscape(testDb().ctx(), { asOf: '20x1', region: '9999' })
		).rejects.toMatchObject({
			issues: expect.arrayContaining([
				expect.objectContaining({ path: ['asOf'] }),
				expect.objectContaining({ path: ['region'] })
			])
		});
	});
});

describe('editing the landscape', () => {
	it('records a members figure for 2023 with its source; the profile and audit log show it, and a re-seed keeps it', async () => {
		const { db } = testDb();
		const analyst = await testDb().userCtx('analyst');
		await saveFigure(analyst, 'energy-cluster-denmark', {
			metric: 'members',
			year: 2023,
			value: 470,
			sourceKind: 'url',
			sourceUrl: 'https://www.energycluster.dk/aarsrapport-2023',
			sourceLabel: 'Årsrapport 2023',
			isEstimate: false
		});
		const profile = await getClusterProfile(analyst, 'energy-cluster-denmark');
		expect(profile.summary.figures.members).toMatchObject({
			value: 470,
			year: 2023,
			sourceKind: 'url',
			sourceLabel: 'Årsrapport 2023'
		});
		const entries = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'cluster'), eq(auditLog.entityId, 'energy-cluster-denmark')));
		expect(
			entries.some(
				(e) => e.actorLabel.startsWith('analyst') && JSON.stringify(e.after).includes('"value":470')
			)
		).toBe(true);

		await seedReferenceData(db, { force: true });
		const after = await getClusterProfile(analyst, 'energy-cluster-denmark');
		expect(after.summary.figures.members).toMatchObject({ value: 470, year: 2023 });
	});

	it('keeps a user-corrected reference figure and a deleted one through a re-seed', async () => {
		const { db } = testDb();
		const analyst = await testDb().userCtx('analyst');
		const ecd = await getClusterProfile(analyst, 'energy-cluster-denmark');
		const employees = ecd.summary.cluster.figures.find(
			(f) => f.metric === 'employees' && f.year === 2020
		);
		await saveFigure(analyst, 'energy-cluster-denmark', {
			metric: 'employees',
			year: 2020,
			value: 42,
			sourceKind: 'user',
			isEstimate: true
		});
		const board = ecd.summary.cluster.figures.find((f) => f.metric === 'board_size');
		await deleteFigure(analyst, 'energy-cluster-denmark', board?.id ?? 0);
		await seedReferenceData(db, { force: true });
		const [row] = await db
			.select()
			.from(clusterFigures)
			.where(eq(clusterFigures.id, employees?.id ?? 0));
		expect(row).toMatchObject({ value: 42, origin: 'user', isEstimate: true });
		const live = await db
			.select()
			.from(clusterFigures)
			.where(and(eq(clusterFigures.metric, 'board_size'), isNull(clusterFigures.deletedAt)));
		expect(live).toHaveLength(0);
	});

	it('refuses invalid figures with every field named and saves nothing', async () => {
		const { db } = testDb();
		const analyst = await testDb().userCtx('analyst');
		const before = (await db.select().from(clusterFigures)).length;
		await expect(
			saveFigure(analyst, 'made', {
				metric: 'members',
				year: 1850,
				value: -5,
				sourceKind: 'url',
				unit: 'share'
			})
		).rejects.toMatchObject({
			issues: expect.arrayContaining([
				{ path: ['year'], message: 'Skal være et årstal mellem 2000 og 2100.' },
				{ path: ['value'], message: 'Skal være mindst 0.' }
			])
		});
		await expect(
			saveFigure(analyst, 'made', { metric: 'members', year: 2023, value: 12.5, sourceKind: 'url' })
		).rejects.toMatchObject({
			issues: expect.arrayContaining([
				{ path: ['value'], message: 'Skal være et helt tal.' },
				{ path: ['sourceUrl'], message: 'Angiv kildens webadresse.' }
			])
		});
		await expect(
			saveFigure(analyst, 'made', {
				metric: 'funding_public_grant',
				year: 2023,
				value: 1.5,
				unit: 'share',
				sourceKind: 'survey'
			})
		).rejects.toMatchObject({
			issues: expect.arrayContaining([
				{ path: ['value'], message: 'En andel skal være mellem 0 og 100 %.' },
				{ path: ['sourceLabel'], message: 'Angiv hvilken surveyrunde tallet kommer fra.' }
			])
		});
		expect((await db.select().from(clusterFigures)).length).toBe(before);
	});

	it('refuses the second of two edits made from the same version', async () => {
		const first = await testDb().userCtx('analyst');
		const second = await testDb().userCtx('analyst');
		const { summary } = await getClusterProfile(first, 'digitallead');
		const version = summary.cluster.version;
		await updateCluster(first, 'digitallead', { version, organisationForm: 'Forening' });
		await expect(
			updateCluster(second, 'digitallead', { version, organisationForm: 'Fond' })
		).rejects.toBeInstanceOf(ConflictError);
		expect((await getClusterProfile(first, 'digitallead')).summary.cluster.organisationForm).toBe(
			'Forening'
		);
	});

	it('keeps edited cluster facts through a re-seed', async () => {
		const { db } = testDb();
		const analyst = await testDb().userCtx('analyst');
		const { summary } = await getClusterProfile(analyst, 'clean');
		await updateCluster(analyst, 'clean', {
			version: summary.cluster.version,
			area: 'Miljø- og vandteknologi'
		});
		await seedReferenceData(db, { force: true });
		expect((await getClusterProfile(analyst, 'clean')).summary.cluster.area).toBe(
			'Miljø- og vandteknologi'
		);
	});

	it('validates the facts: a closed cluster needs a year, a website must be a URL', async () => {
		const analyst = await testDb().userCtx('analyst');
		const { summary } = await getClusterProfile(analyst, 'vision-denmark');
		await expect(
			updateCluster(analyst, 'vision-denmark', {
				version: summary.cluster.version,
				status: 'closed',
				website: 'visiondenmark'
			})
		).rejects.toMatchObject({
			issues: expect.arrayContaining([
				{ path: ['closedYear'], message: 'Angiv året, klyngen lukkede.' },
				{ path: ['website'], message: 'Skal være en gyldig webadresse (https://…).' }
			])
		});
	});

	it('lets an analyst override the stage with a reason and offered activities; viewers cannot', async () => {
		const analyst = await testDb().userCtx('analyst');
		const viewer = await testDb().userCtx('viewer');
		await expect(
			setStageOverride(analyst, 'made', { stage: 'mature', reason: 'kort' })
		).rejects.toBeInstanceOf(ValidationError);
		await setStageOverride(analyst, 'made', {
			stage: 'mature',
			reason: 'Interview 2024: stor portefølje og specialiseret bemanding'
		});
		const { summary } = await getClusterProfile(analyst, 'made');
		expect(summary.stage).toBe('mature');
		expect(summary.maturity.stage).toBe('developing');
		await expect(
			setActivities(analyst, 'made', { codes: ['matchmaking', 'made-up'] })
		).rejects.toBeInstanceOf(ValidationError);
		expect(
			await setActivities(analyst, 'made', { codes: ['matchmaking', 'innovation-projects'] })
		).toEqual(['innovation-projects', 'matchmaking']);
		await expect(
			setStageOverride(viewer, 'made', { stage: 'emerging', reason: 'Det mener jeg bare' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			addOffice(viewer, 'made', { label: 'Aalborg', municipalityCode: '851' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			addOffice(analyst, 'made', { label: 'Nowhere', municipalityCode: '999' })
		).rejects.toMatchObject({
			issues: [{ path: ['municipalityCode'], message: 'Ukendt kommunekode: 999.' }]
		});
	});
});

describe('the landscape map', () => {
	const mapPaths = (svg: string) =>
		new Set(
			[...svg.matchAll(/<path[^>]*ecmeta_series_index="0" ecmeta_data_index="(\d+)"/g)].map(
				(match) => match[1]
			)
		);

	it('draws all 98 municipalities, and 11 when zoomed to North Jutland', async () => {
		const { ctx } = testDb();
		const all = await getLandscapeMap(ctx(), {});
		expect(mapPaths(all.svg).size).toBe(98);
		expect(all.areas.find((a) => a.code === '851')?.clusters).toEqual(
			expect.arrayContaining(['ECD', 'DLSC', 'WBD'])
		);
		const north = await getLandscapeMap(ctx(), { region: '1081' });
		expect(mapPaths(north.svg).size).toBe(11);
		expect(north.areas.map((a) => a.code).sort()).toEqual(['787', '851']);
	});

	it('shows one cluster, closed ones only by name', async () => {
		const { ctx } = testDb();
		const marlog = await getLandscapeMap(ctx(), { cluster: 'marlog' });
		expect(marlog.areas.map((a) => a.name)).toContain('Frederikshavn');
		const all = await getLandscapeMap(ctx(), {});
		expect(all.areas.find((a) => a.code === '813')).toBeUndefined();
	});
});
