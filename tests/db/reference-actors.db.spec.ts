import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actors } from '../../src/lib/server/db/schema';
import { getActors, getMunicipalities } from '../../src/lib/server/services/landscape';
import {
	ActorsSchema,
	RegionActorsSchema,
	referenceActorRows,
	seedReferenceData
} from '../../src/lib/server/services/platform';
import { useTestDb } from './harness';

const testDb = useTestDb();
const REGIONS = ['1081', '1082', '1083', '1084', '1085'];
const ROLES = ['presence-co-location', 'partners', 'agreement-parties'];

function readReference(name: string): unknown {
	return JSON.parse(readFileSync(join('data', 'reference', name), 'utf8'));
}

const nordjylland = ActorsSchema.parse(readReference('actors-nordjylland.json'));
const regions = RegionActorsSchema.parse(readReference('actors-regions.json'));

beforeAll(async () => {
	await seedReferenceData(testDb().db);
});

describe('reference actors', () => {
	it('seeds every actor of both files, and the summary counts them all', async () => {
		const { db } = testDb();
		const expected = nordjylland.actors.length + regions.actors.length;
		expect((await db.select().from(actors)).length).toBe(expected);
		expect((await seedReferenceData(db, { force: true })).actors).toBe(expected);
	});

	it.each(REGIONS)('region %s has at least one actor for each survey question', async (region) => {
		const list = await getActors(testDb().ctx(), { region });
		for (const role of ROLES) {
			expect(
				list.filter((a) => a.surveyRoles.includes(role)).map((a) => a.slug),
				`${region} ${role}`
			).not.toHaveLength(0);
		}
	});

	it("places every actor in a municipality of the actor's own region", async () => {
		const { db, ctx } = testDb();
		const regionOf = new Map((await getMunicipalities(ctx())).map((m) => [m.code, m.regionCode]));
		const misplaced = (await db.select().from(actors))
			.filter((a) => a.municipalityCode !== null)
			.filter((a) => regionOf.get(a.municipalityCode ?? '') !== a.regionCode)
			.map((a) => `${a.slug}: ${a.municipalityCode} not in ${a.regionCode}`);
		expect(misplaced).toEqual([]);
	});

	it('gives the new regions their own actors and roles', async () => {
		const { ctx } = testDb();
		expect((await getActors(ctx(), { region: '1082' })).map((a) => a.slug)).toEqual(
			expect.arrayContaining(['erhvervshus-midtjylland', 'au', 'business-region-aarhus'])
		);
		const hovedstaden = await getActors(ctx(), { region: '1084' });
		expect(hovedstaden.find((a) => a.slug === 'erhvervshus-hovedstaden')?.surveyRoles).toEqual(
			ROLES
		);
		expect(hovedstaden.find((a) => a.slug === 'erhvervshus-hovedstaden-bornholm')).toMatchObject({
			kind: 'business-hub-branch',
			municipalityCode: '400',
			surveyRoles: []
		});
		// The 1081 file keeps its default region and roles.
		expect(
			(await getActors(ctx(), { region: '1081' })).find((a) => a.slug === 'aau')
		).toMatchObject({ regionCode: '1081', surveyRoles: ['presence-co-location', 'partners'] });
	});
});

describe('actors-regions.json', () => {
	it('names a region and an https source for every actor', () => {
		for (const actor of regions.actors) {
			expect(REGIONS.slice(1), actor.slug).toContain(actor.regionCode);
			expect(actor.source, actor.slug).toMatch(/^https:\/\/[^\s]+$/);
		}
	});

	it('keeps slugs unique across both actor files', () => {
		const slugs = [...nordjylland.actors, ...regions.actors].map((a) => a.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
		expect(referenceActorRows(nordjylland, regions)).toHaveLength(slugs.length);
	});

	it('lists survey options per region, each naming only actors of that region', () => {
		expect(Object.keys(regions.surveyOptions).sort()).toEqual(REGIONS.slice(1));
		const broken = structuredClone(regions);
		broken.surveyOptions['1085']?.partners.push('au');
		expect(RegionActorsSchema.safeParse(broken).success).toBe(false);
	});

	it('rejects a slug that the Nordjylland file already uses', () => {
		const clash = structuredClone(regions);
		clash.actors.push({
			slug: 'aau',
			name: 'Aalborg Universitet',
			kind: 'university',
			regionCode: '1082',
			source: 'https://www.aau.dk'
		});
		expect(() => referenceActorRows(nordjylland, clash)).toThrow(/aau/);
	});
});
