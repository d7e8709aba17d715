/**
 * The fit model against the cases in tests/fixtures/fit/: each case changes the base cluster or
 * effort and states the score, confidence, missing criteria, criterion values and evidence keys
 * it expects. The expected numbers were worked out by hand from the rules in domain/fit/score.ts.
 */
import { describe, expect, it } from 'vitest';
import {
	combine,
	effectiveScore,
	fitMatrix,
	type ClusterEvidence
} from '../../src/lib/domain/fit/score';
import {
	defaultWeights,
	StrategyContentSchema,
	type Effort,
	type Weights
} from '../../src/lib/domain/strategy/strategy';
import { loadCases, mergeCase } from './fixture-cases';

interface FitCase {
	about: string;
	cluster?: Partial<ClusterEvidence>;
	effort?: Partial<Effort>;
	weights?: Weights;
	override?: { score: number; reason: string; by: string; at: string };
	expect: {
		score: number;
		shown?: number;
		confidence?: number;
		missing?: string[];
		values?: Record<string, number>;
		evidence?: Record<string, string[]>;
	};
}

const { base, cases } = loadCases<{ cluster: ClusterEvidence; effort: Effort }, FitCase>('fit');

describe('fit model cases (tests/fixtures/fit)', () => {
	it('has cases to run', () => expect(cases.length).toBeGreaterThanOrEqual(8));

	it.each(cases)('%s', (_name, c) => {
		const cluster = mergeCase(base.cluster, c.cluster);
		const effort = mergeCase(base.effort, c.effort);
		const overrides = c.override
			? [{ cluster: cluster.slug, effort: effort.code, ...c.override }]
			: [];
		const [cell] = fitMatrix([cluster], [effort], c.weights ?? defaultWeights, overrides).cells;
		if (!cell) throw new Error('no cell');
		expect(cell.score).toBe(c.expect.score);
		expect(effectiveScore(cell)).toBe(c.expect.shown ?? c.expect.score);
		if (c.expect.confidence !== undefined)
			expect(cell.confidence).toBeCloseTo(c.expect.confidence, 5);
		if (c.expect.missing) expect(cell.missing).toEqual(c.expect.missing);
		for (const [criterion, value] of Object.entries(c.expect.values ?? {})) {
			expect(cell.criteria.find((r) => r.criterion === criterion)?.value, criterion).toBeCloseTo(
				value,
				5
			);
		}
		for (const [criterion, keys] of Object.entries(c.expect.evidence ?? {})) {
			expect(
				cell.criteria.find((r) => r.criterion === criterion)?.evidence.map((e) => e.key),
				criterion
			).toEqual(keys);
		}
		if (c.override)
			expect(cell.override).toMatchObject({ score: c.override.score, reason: c.override.reason });
	});
});

describe('weights', () => {
	it('scale the criteria: doubling every weight changes nothing', () => {
		const cluster = mergeCase(base.cluster, { stage: 'emerging', survey: { members: 10 } });
		const double = Object.fromEntries(
			Object.entries(defaultWeights).map(([k, v]) => [k, v * 2])
		) as Weights;
		const [a] = fitMatrix([cluster], [base.effort], defaultWeights).cells;
		const [b] = fitMatrix([cluster], [base.effort], double).cells;
		expect(a?.score).toBe(b?.score);
	});

	it('move the score towards the criterion that gains weight', () => {
		const cluster = mergeCase(base.cluster, { survey: { ownOffice: false, coLocatedWith: [] } });
		const [normal] = fitMatrix([cluster], [base.effort], defaultWeights).cells;
		const [presenceHeavy] = fitMatrix([cluster], [base.effort], {
			...defaultWeights,
			presence: 80
		}).cells;
		expect(presenceHeavy?.score).toBeLessThan(normal?.score ?? 0);
	});

	it('all zero is refused by the strategy schema and scores nothing in combine', () => {
		const zero = { thematic: 0, presence: 0, reach: 0, ties: 0, maturity: 0 };
		const parsed = StrategyContentSchema.safeParse({
			vision: 'v',
			efforts: [base.effort],
			weights: zero
		});
		expect(parsed.success).toBe(false);
		expect(combine([{ criterion: 'thematic', value: 1 }], zero)).toEqual({
			score: 0,
			confidence: 0,
			missing: []
		});
	});
});
