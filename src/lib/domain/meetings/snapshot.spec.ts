import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT, readSnapshot, type DeckSnapshot } from './snapshot';

const snapshot: DeckSnapshot = {
	format: SNAPSHOT_FORMAT,
	takenAt: '2026-11-30T09:00:00.000Z',
	locale: 'da',
	region: { code: '1081', name: 'Region Nordjylland' },
	organisation: 'Business Region North Denmark',
	landscape: {
		updatedAt: null,
		clusters: [
			{
				slug: 'made',
				name: 'MADE',
				area: 'Produktion',
				stage: 'mature',
				members: 300,
				employees: 9
			}
		],
		programmes: [],
		history: [],
		coreTask: [],
		economy: [],
		businessModels: [],
		funding: [],
		next: { summary: '', totalDkk: 0, clusters: 0 },
		ranges: [],
		fundingRatio: { ratio: null, n: 0, of: 13 },
		stages: { emerging: 0, developing: 0, mature: 1, unknown: 0 }
	},
	survey: null,
	fit: null,
	recommendations: null,
	agreements: null
};

describe('readSnapshot', () => {
	it('reads a snapshot in today’s format as it was written', () => {
		expect(readSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
	});

	it('upgrades a format-1 snapshot from before the organisation was recorded', () => {
		const { organisation: _organisation, ...old } = snapshot;
		expect(readSnapshot(old)?.organisation).toBe('Region Nordjylland');
	});

	it('reads nothing it does not know: another format, or a document that is not a snapshot', () => {
		expect(readSnapshot({ ...snapshot, format: 'klyngeradar/meeting-snapshot@9' })).toBeNull();
		expect(readSnapshot({ ...snapshot, landscape: { clusters: 'MADE' } })).toBeNull();
		expect(readSnapshot(null)).toBeNull();
	});
});
