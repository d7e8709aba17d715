import { describe, expect, it } from 'vitest';
import clustersFile from '../../../../data/reference/clusters-2021-2024.json';
import municipalitiesFile from '../../../../data/reference/municipalities.json';
import {
	RawClustersFileSchema,
	seedClusterFromReference,
	yearIn,
	type SeedCluster
} from './reference';

const names = new Map(municipalitiesFile.municipalities.map((m) => [m.name.toLowerCase(), m.code]));
const raw = RawClustersFileSchema.parse(clustersFile);
const seeds = new Map<string, SeedCluster>(
	raw.clusters.map((c) => [c.id, seedClusterFromReference(c, names)])
);
const seed = (slug: string): SeedCluster => {
	const found = seeds.get(slug);
	if (!found) throw new Error(`no ${slug}`);
	return found;
};

describe('reference clusters → seed model', () => {
	it('keeps all 13 identified clusters with their ids as slugs', () => {
		expect([...seeds.keys()]).toHaveLength(13);
		expect(seeds.has('marlog')).toBe(true);
	});

	it('marks MARLOG closed in 2022 and the others active', () => {
		expect(seed('marlog')).toMatchObject({ status: 'closed', closedYear: 2022 });
		expect([...seeds.values()].filter((c) => c.status === 'active')).toHaveLength(12);
	});

	it('reads "probably"/"likely" emerging as uncertain', () => {
		expect(seed('vision-denmark')).toMatchObject({ emerging: true, emergingUncertain: false });
		expect(seed('odense-robotics')).toMatchObject({ emerging: true, emergingUncertain: true });
		expect(seed('clean')).toMatchObject({ emerging: false, emergingUncertain: false });
	});

	it('places offices in municipalities and finds the HQ', () => {
		const ecd = seed('energy-cluster-denmark');
		expect(ecd.offices.find((o) => o.isHq)).toMatchObject({ municipalityCode: '851' });
		expect(ecd.offices.find((o) => o.label.startsWith('Vordingborg'))).toMatchObject({
			municipalityCode: '390',
			fromYear: 2022
		});
		// HQ named only in hqCity: matched to the listed office.
		expect(seed('clean').offices.find((o) => o.isHq)?.municipalityCode).toBe('540');
		// HQ city without a listed office: added from the municipality name.
		expect(seed('digitallead').offices).toEqual([
			{ label: 'Aarhus (HQ)', municipalityCode: '751', isHq: true, fromYear: null }
		]);
		// "not verified" places are not offices.
		expect(seed('made').offices).toEqual([]);
		// A region named without a municipality stays as an unplaced office.
		expect(
			seed('danish-life-science-cluster').offices.some((o) => o.municipalityCode === null)
		).toBe(true);
	});

	it('turns figures with notes into dated, qualified figures', () => {
		expect(seed('energy-cluster-denmark').figures).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					metric: 'employees',
					year: 2020,
					value: 40,
					qualifier: 'approx'
				}),
				expect.objectContaining({ metric: 'members', year: 2020, value: 400, qualifier: 'approx' }),
				expect.objectContaining({ metric: 'project_portfolio', value: 800_000_000, unit: 'dkk' }),
				expect.objectContaining({ metric: 'board_size', value: 22 }),
				expect.objectContaining({ metric: 'funding_public_grant', year: 2021, value: 32_000_000 })
			])
		);
		expect(seed('made').figures).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					metric: 'members',
					year: null,
					value: 250,
					qualifier: 'at-least'
				}),
				expect.objectContaining({ metric: 'employees', year: null, value: 13 })
			])
		);
		expect(seed('food-bio-cluster-denmark').figures).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ metric: 'members', year: 2023, value: 445 }),
				expect.objectContaining({
					metric: 'participants',
					year: 2023,
					value: 6000,
					qualifier: 'at-least'
				})
			])
		);
	});

	it('keeps a chair from industry as a yes, and other chair descriptions as notes', () => {
		expect(seed('clean').figures).toContainEqual(
			expect.objectContaining({ metric: 'chair_from_business', value: 1 })
		);
		expect(
			seed('danish-life-science-cluster').figures.some((f) => f.metric === 'chair_from_business')
		).toBe(false);
		expect(seed('danish-life-science-cluster').notes).toContain(
			'Forperson: industry association at founding'
		);
	});

	it('drops unverified websites and keeps every source', () => {
		expect(seed('lifestyle-design-cluster').website).toBeNull();
		expect(seed('we-build-denmark').website).toBe('https://webuilddenmark.dk');
		expect(seed('clean').sources.length).toBeGreaterThanOrEqual(3);
	});

	it.each([
		['about 40 staff in 2020', 2020],
		['undated', null],
		['Vordingborg (from March 2022)', 2022]
	])('yearIn(%s) = %s', (text, year) => {
		expect(yearIn(text)).toBe(year);
	});
});

describe('qualifiers', () => {
	it('does not read "+20 %" growth in a note as "at least"', () => {
		expect(
			seed('food-bio-cluster-denmark').figures.find((f) => f.metric === 'members')
		).toMatchObject({ value: 445, qualifier: 'exact' });
	});

	it('dates the board size from its note', () => {
		expect(
			seed('energy-cluster-denmark').figures.find((f) => f.metric === 'board_size')
		).toMatchObject({ value: 22, year: 2020 });
	});
});
