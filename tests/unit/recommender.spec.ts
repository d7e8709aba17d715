/**
 * The recommender against the cases in tests/fixtures/recommend/ and the seeded catalogue. Each
 * case states the proposed models in order, their suitability, the unmet checklist points of the
 * first proposal, the efforts served and the facts — worked out by hand from the rules in
 * domain/collaboration/recommend.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	CatalogueFileSchema,
	type ChecklistCode
} from '../../src/lib/domain/collaboration/catalogue';
import {
	recommend,
	recommendationKeys,
	type HubInput
} from '../../src/lib/domain/collaboration/recommend';
import { evidenceKeys, type ClusterEvidence, type FitCell } from '../../src/lib/domain/fit/score';
import { loadCases, mergeCase } from './fixture-cases';

interface RecommendCase {
	about: string;
	evidence?: Partial<ClusterEvidence>;
	scores?: number[];
	confirmed?: ChecklistCode[];
	expect: {
		models: string[];
		suitability?: number[];
		unmet?: string[];
		serves?: string[];
		facts?: string[];
	};
}
interface Base {
	evidence: ClusterEvidence;
	hubs: HubInput[];
	regionWideParties: string[];
	confirmed: ChecklistCode[];
	scores: number[];
}

const catalogue = CatalogueFileSchema.parse(
	JSON.parse(
		readFileSync(join(process.cwd(), 'data', 'catalogue', 'collaboration-models.json'), 'utf8')
	)
);
const { base, cases } = loadCases<Base, RecommendCase>('recommend');

const cellsFor = (cluster: string, scores: number[]): FitCell[] =>
	scores.map((score, i) => ({
		cluster,
		effort: `e${i + 1}`,
		score,
		confidence: 1,
		criteria: [],
		missing: [],
		override: null
	}));

describe('recommender cases (tests/fixtures/recommend)', () => {
	it('has cases to run', () => expect(cases.length).toBeGreaterThanOrEqual(5));

	it.each(cases)('%s', (_name, c) => {
		const evidence = mergeCase(base.evidence, c.evidence);
		const scores = c.scores ?? base.scores;
		const result = recommend({
			evidence,
			cells: cellsFor(evidence.slug, scores),
			efforts: [],
			models: catalogue.models,
			hubs: base.hubs,
			regionWideParties: base.regionWideParties,
			confirmed: c.confirmed ?? base.confirmed,
			actorNames: new Map([['aau', 'Aalborg Universitet']])
		});
		expect(result.options.map((o) => o.model)).toEqual(c.expect.models);
		if (c.expect.suitability)
			expect(result.options.map((o) => o.suitability)).toEqual(c.expect.suitability);
		if (c.expect.unmet) {
			expect(result.options[0]?.checklist.filter((s) => !s.met).map((s) => s.code)).toEqual(
				c.expect.unmet
			);
		}
		if (c.expect.serves) expect(result.serves.map((s) => s.effort)).toEqual(c.expect.serves);
		if (c.expect.facts) expect(result.facts.map((f) => f.key)).toEqual(c.expect.facts);
		for (const option of result.options) expect(option.reasons.length).toBeGreaterThan(0);
	});
});

describe('catalogue', () => {
	it('seeds the seven models the issue names, each in Danish and English', () => {
		expect(catalogue.models.map((m) => m.code).sort()).toEqual(
			[
				'co-location',
				'cross-municipal',
				'dialogue',
				'framework-agreement',
				'joint-hub',
				'network-membership',
				'project-partnership'
			].sort()
		);
		for (const model of catalogue.models) {
			expect(model.texts.da.name).not.toBe(model.texts.en.name);
			expect(model.checklist.length).toBeGreaterThan(0);
		}
	});

	it('a model nobody wrote rules for is never proposed', () => {
		const own = { ...catalogue.models[0]!, code: 'own-model' };
		const result = recommend({
			evidence: base.evidence,
			cells: cellsFor('c', base.scores),
			efforts: [],
			models: [own],
			hubs: [],
			regionWideParties: [],
			confirmed: [],
			actorNames: new Map()
		});
		expect(result.options).toEqual([]);
	});
});

describe('message keys', () => {
	const da = JSON.parse(readFileSync(join(process.cwd(), 'messages', 'da.json'), 'utf8')) as Record<
		string,
		unknown
	>;
	// A message is a text, or a list with its plural variants.
	it.each([...evidenceKeys, ...recommendationKeys])('%s has a Danish message', (key) => {
		expect(typeof da[key] === 'string' || Array.isArray(da[key])).toBe(true);
	});
});
