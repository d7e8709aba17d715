import { describe, expect, it } from 'vitest';
import type { Answers } from '../survey/answers';
import { clusterEvidence, offeredCategories } from './evidence';

const cluster = {
	slug: 'x',
	name: 'X Cluster',
	shortName: 'X',
	area: 'Energi',
	focus: 'brint',
	activities: []
};
const names = new Map([['851', 'Aalborg']]);
const answers: Answers = {
	activeInRegion: true,
	presence: { ownOffice: true, coLocatedWith: [], other: null, municipalities: ['851'] },
	partners: { actors: ['aau'], other: null },
	members: { total: 40, over50: 10, under50: 30, estimate: true },
	uniqueCompanies: { count: 100, sinceYear: 2021, estimate: false },
	participants: null,
	activities: { codes: ['rd-applications'], other: null },
	agreements: { parties: ['brn', 'other'], other: 'Green Hub Denmark', municipalities: [] }
};

describe('clusterEvidence', () => {
	it('reads presence, reach and ties from the survey answer, with municipality names', () => {
		const e = clusterEvidence(
			cluster,
			'mature',
			{ roundId: 3, roundTitle: 'R', date: '2023-05-01', answers },
			names
		);
		expect(e.survey).toMatchObject({
			roundId: 3,
			ownOffice: true,
			presenceMunicipalities: ['Aalborg'],
			members: 40,
			under50: 30,
			estimate: true,
			otherTexts: ['Green Hub Denmark']
		});
		expect(e.activities).toEqual(['innovation-projects', 'access-to-finance']);
		expect(e.text).toContain('brint');
	});

	it('a cluster not active in the region counts as zero reach, not unknown', () => {
		const e = clusterEvidence(
			cluster,
			null,
			{ roundId: 3, roundTitle: 'R', date: null, answers: { activeInRegion: false } },
			names
		);
		expect(e.survey).toMatchObject({ members: 0, uniqueCompanies: 0, ownOffice: false });
		expect(e.activities).toEqual(null);
	});

	it('no answer leaves the survey evidence empty', () => {
		expect(clusterEvidence(cluster, null, null, names).survey).toBeNull();
	});
});

describe('offeredCategories', () => {
	it('joins registered categories with what the survey implies, without duplicates', () => {
		expect(offeredCategories(['matchmaking'], ['knowledge-matchmaking'])).toEqual([
			'matchmaking',
			'knowledge-dissemination'
		]);
	});
	it('is null when nothing is known', () => {
		expect(offeredCategories([], null)).toBeNull();
	});
});
