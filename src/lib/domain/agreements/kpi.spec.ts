import { describe, expect, it } from 'vitest';
import { addMonths } from './dates';
import {
	assessKpi,
	nextMeasurementDue,
	worstStatus,
	type KpiStatus,
	type Measurement
} from './kpi';

const m = (measuredOn: string, value: number): Measurement => ({
	measuredOn,
	value,
	isEstimate: false,
	comment: null,
	provenance: { kind: 'manual', by: 'test' }
});

// Start 2026-01-01, due 2028-01-01 (730 days): halfway is 2027-01-01.
const rising = { baseline: 100, target: 200, dueOn: '2028-01-01' };
const falling = { baseline: 30, target: 10, dueOn: '2028-01-01' };
const level = { baseline: 50, target: 50, dueOn: '2028-01-01' };
const start = '2026-01-01';

describe('assessKpi', () => {
	it.each<[string, typeof rising, Measurement[], KpiStatus, number | null]>([
		['no measurement', rising, [], 'no-data', null],
		['on the line halfway', rising, [m('2027-01-01', 150)], 'on-track', 0.5],
		['10 points behind is still on track', rising, [m('2027-01-01', 140)], 'on-track', 0.4],
		['11 points behind is at risk', rising, [m('2027-01-01', 139)], 'at-risk', 0.39],
		['25 points behind is at risk', rising, [m('2027-01-01', 125)], 'at-risk', 0.25],
		['26 points behind is off track', rising, [m('2027-01-01', 124)], 'off-track', 0.24],
		['the target reached early', rising, [m('2026-06-01', 210)], 'on-track', 1.1],
		['due date passed short of the target', rising, [m('2028-02-01', 190)], 'off-track', 0.9],
		[
			'the latest measurement counts, not the first',
			rising,
			[m('2027-01-01', 150), m('2026-02-01', 100)],
			'on-track',
			0.5
		],
		['a falling target on its way', falling, [m('2027-01-01', 20)], 'on-track', 0.5],
		['a falling target going the wrong way', falling, [m('2027-01-01', 35)], 'off-track', -0.25],
		['keeping a level within 5 %', level, [m('2027-01-01', 52)], 'on-track', null],
		['keeping a level, 10 % off', level, [m('2027-01-01', 45)], 'at-risk', null]
	])('%s', (_name, kpi, measurements, status, progress) => {
		const result = assessKpi(kpi, start, measurements);
		expect(result.status).toBe(status);
		if (progress === null) expect(result.progress).toBeNull();
		else expect(result.progress).toBeCloseTo(progress, 5);
	});

	it('explains the trajectory in numbers', () => {
		expect(assessKpi(rising, start, [m('2027-01-01', 125)]).reason).toEqual({
			key: 'kpi_reason_trajectory',
			params: { value: 125, progress: 25, expected: 50, baseline: 100, target: 200 }
		});
	});
});

describe('nextMeasurementDue', () => {
	it('is one period after the latest measurement, or after the start', () => {
		expect(nextMeasurementDue({ dueOn: '2028-01-01', frequency: 'quarterly' }, start, [])).toBe(
			'2026-04-01'
		);
		expect(
			nextMeasurementDue({ dueOn: '2028-01-01', frequency: 'half-yearly' }, start, [
				m('2026-08-31', 1)
			])
		).toBe('2027-02-28');
	});
	it('never after the due date', () => {
		expect(nextMeasurementDue({ dueOn: '2026-03-01', frequency: 'yearly' }, start, [])).toBe(
			'2026-03-01'
		);
	});
});

describe('worstStatus', () => {
	it.each<[KpiStatus[], KpiStatus]>([
		[['on-track', 'at-risk'], 'at-risk'],
		[['on-track', 'off-track', 'at-risk'], 'off-track'],
		[['no-data', 'on-track'], 'on-track'],
		[[], 'no-data']
	])('%j → %s', (statuses, expected) => expect(worstStatus(statuses)).toBe(expected));
});

describe('addMonths', () => {
	it('keeps the day, or the month’s last day', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
		expect(addMonths('2027-12-15', 12)).toBe('2028-12-15');
	});
});
