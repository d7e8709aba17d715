import { describe, expect, it } from 'vitest';
import type { FitCell } from '../fit/score';
import type { Effort } from '../strategy/strategy';
import { latestDecisions, portfolio, type Decision } from './portfolio';
import type { Recommendation } from './recommend';

const effort = (code: string): Effort => ({
	code,
	title: { da: code, en: code },
	description: '',
	areas: [],
	activityCategories: [],
	keywords: []
});
const cell = (cluster: string, effort: string, score: number, override?: number): FitCell => ({
	cluster,
	effort,
	score,
	confidence: 1,
	criteria: [],
	missing: [],
	override:
		override === undefined ? null : { score: override, reason: 'r', by: 'a', at: '2026-01-01' }
});
const rec = (cluster: string, model: string): Recommendation => ({
	cluster,
	name: cluster,
	facts: [],
	options: [{ model, rank: 1, suitability: 80, reasons: [], checklist: [] }],
	serves: [],
	confidence: 1
});
const decision = (
	cluster: string,
	d: Decision['decision'],
	chosen: string | null,
	at: string
): Decision => ({
	cluster,
	decision: d,
	proposedModel: 'framework-agreement',
	chosenModel: chosen,
	note: 'n',
	checklistMet: [],
	by: 'a',
	at
});

describe('portfolio', () => {
	const efforts = [effort('green'), effort('digital'), effort('tourism')];
	const cells = [
		cell('energy', 'green', 90),
		cell('energy', 'digital', 30),
		cell('energy', 'tourism', 10),
		cell('robots', 'green', 20),
		cell('robots', 'digital', 80),
		cell('robots', 'tourism', 10),
		cell('sound', 'green', 10),
		cell('sound', 'digital', 40, 55),
		cell('sound', 'tourism', 20)
	];
	const recs = [
		rec('energy', 'framework-agreement'),
		rec('robots', 'project-partnership'),
		rec('sound', 'dialogue')
	];

	it('covers efforts with chosen clusters, lists undecided proposals, and finds the gaps', () => {
		const result = portfolio(efforts, cells, recs, [
			decision('energy', 'accepted', 'framework-agreement', '2026-11-01')
		]);
		const green = result.rows.find((r) => r.effort === 'green');
		expect(green?.chosen).toEqual([{ cluster: 'energy', model: 'framework-agreement', score: 90 }]);
		expect(green?.gap).toBe(false);
		const digital = result.rows.find((r) => r.effort === 'digital');
		// The override lifts the sound cluster over the serving line.
		expect(digital?.proposed.map((p) => p.cluster)).toEqual(['robots', 'sound']);
		expect(digital?.gap).toBe(true);
		const tourism = result.rows.find((r) => r.effort === 'tourism');
		expect(tourism).toMatchObject({ gap: true, noCluster: true, chosen: [], proposed: [] });
		expect(result.undecided).toEqual(['robots', 'sound']);
	});

	it('uses the newest decision per cluster: a later rejection removes the cluster', () => {
		const decisions = [
			decision('energy', 'rejected', null, '2026-11-02'),
			decision('energy', 'accepted', 'framework-agreement', '2026-11-01')
		];
		expect(latestDecisions(decisions).get('energy')?.decision).toBe('rejected');
		const result = portfolio(efforts, cells, recs, decisions);
		expect(result.chosen).toEqual([]);
		expect(result.rejected).toEqual(['energy']);
		expect(result.rows.find((r) => r.effort === 'green')?.gap).toBe(true);
	});

	it('a changed decision counts with the model the analyst chose', () => {
		const result = portfolio(efforts, cells, recs, [
			decision('robots', 'changed', 'co-location', '2026-11-01')
		]);
		expect(result.rows.find((r) => r.effort === 'digital')?.chosen).toEqual([
			{ cluster: 'robots', model: 'co-location', score: 80 }
		]);
	});
});
