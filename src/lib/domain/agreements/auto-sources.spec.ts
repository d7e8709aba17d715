import { describe, expect, it } from 'vitest';
import type { Answers } from '../survey/answers';
import { autoMeasurements, type AutoSource, type SurveyAnswerOfRound } from './auto-sources';

const answers: Answers = {
	activeInRegion: true,
	presence: { ownOffice: true, coLocatedWith: [], other: null, municipalities: ['851', '813'] },
	partners: null,
	members: { total: 80, over50: 30, under50: 50, estimate: true },
	uniqueCompanies: { count: 420, sinceYear: 2021, estimate: false },
	participants: { count: null, sinceYear: null, estimate: false },
	activities: { codes: ['knowledge-matchmaking', 'rd-applications'], other: null },
	agreements: null
};
const round = (
	roundId: number,
	submittedOn: string | null,
	a: Answers = answers
): SurveyAnswerOfRound => ({
	roundId,
	roundTitle: `Runde ${roundId}`,
	roundYear: 2023 + roundId,
	submittedOn,
	answers: a
});

describe('autoMeasurements', () => {
	it.each<[AutoSource, number | null, boolean]>([
		['survey-members', 80, true],
		['survey-unique-companies', 420, false],
		['survey-participants', null, false],
		['survey-activities', 2, false],
		['survey-covered-presence', 1, false]
	])('%s reads %s from the answer', (source, value, estimate) => {
		const result = autoMeasurements(source, [round(1, '2024-05-02')], ['851', '860']);
		if (value === null) expect(result).toEqual([]);
		else
			expect(result).toEqual([
				{
					measuredOn: '2024-05-02',
					value,
					isEstimate: estimate,
					comment: null,
					provenance: { kind: 'survey', roundId: 1, roundTitle: 'Runde 1' }
				}
			]);
	});

	it('dates an answer without a submission at the round’s year end, and sorts oldest first', () => {
		const result = autoMeasurements('survey-members', [round(2, null), round(1, '2024-05-02')], []);
		expect(result.map((r) => r.measuredOn)).toEqual(['2024-05-02', '2025-12-31']);
	});

	it('a cluster that is not active in the region measures zero', () => {
		const result = autoMeasurements(
			'survey-members',
			[round(1, '2024-05-02', { activeInRegion: false })],
			[]
		);
		expect(result[0]?.value).toBe(0);
	});
});
