import { describe, expect, it } from 'vitest';
import type { Answers } from '../survey/answers';
import {
	autoMeasurements,
	type AutoSource,
	type RegisterYear,
	type SurveyAnswerOfRound
} from './auto-sources';

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
	it.each<[Exclude<AutoSource, 'register-unique-companies'>, number | null, boolean]>([
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

describe('autoMeasurements from the register', () => {
	const year = (y: number, uniqueCompanies: number, importedOn: string): RegisterYear => ({
		year: y,
		uniqueCompanies,
		importedOn,
		lists: [{ kind: 'members', filename: `medlemmer-${y}.csv` }]
	});

	it('gives one measurement per year of lists, dated at the year’s end, oldest first', () => {
		const result = autoMeasurements(
			'register-unique-companies',
			[round(1, '2024-05-02')],
			['851'],
			[year(2024, 12, '2026-03-01'), year(2023, 7, '2026-02-01')]
		);
		expect(result).toEqual([
			{
				measuredOn: '2023-12-31',
				value: 7,
				isEstimate: false,
				comment: null,
				provenance: {
					kind: 'import',
					year: 2023,
					importedOn: '2026-02-01',
					lists: [{ kind: 'members', filename: 'medlemmer-2023.csv' }]
				}
			},
			expect.objectContaining({ measuredOn: '2024-12-31', value: 12 })
		]);
	});

	it('dates the running year’s lists at their import, not in the future', () => {
		const [only] = autoMeasurements(
			'register-unique-companies',
			[],
			[],
			[year(2026, 5, '2026-04-15')]
		);
		expect(only?.measuredOn).toBe('2026-04-15');
	});

	it('a year with lists but none of their companies in the area measures zero', () => {
		const result = autoMeasurements(
			'register-unique-companies',
			[],
			[],
			[year(2025, 0, '2026-01-10')]
		);
		expect(result.map((r) => r.value)).toEqual([0]);
	});

	it('reads no survey answers, and the survey sources read no register', () => {
		expect(autoMeasurements('register-unique-companies', [round(1, '2024-05-02')], [])).toEqual([]);
		expect(autoMeasurements('survey-members', [], [], [year(2024, 12, '2026-03-01')])).toEqual([]);
	});
});
