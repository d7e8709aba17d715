/**
 * The region's portfolio: which clusters and models it has chosen, which efforts they serve, and
 * the gaps — efforts no chosen cluster serves, and efforts no cluster serves at all.
 */
import type { Effort } from '../strategy/strategy';
import { effectiveScore, type FitCell } from '../fit/score';
import { SERVES_AT, type Recommendation } from './recommend';

/** An analyst's answer to a recommendation: take it, take another model, or none. */
export const decisionKinds = ['accepted', 'changed', 'rejected'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export interface Decision {
	cluster: string;
	decision: DecisionKind;
	proposedModel: string;
	chosenModel: string | null;
	note: string;
	checklistMet: string[];
	by: string;
	at: string;
}

export interface PortfolioEntry {
	cluster: string;
	model: string;
	score: number;
}

export interface PortfolioRow {
	effort: string;
	/** Clusters with a chosen model that serve the effort. */
	chosen: PortfolioEntry[];
	/** Clusters not decided yet whose first proposal would serve the effort. */
	proposed: PortfolioEntry[];
	/** No chosen cluster serves the effort. */
	gap: boolean;
	/** No cluster at all reaches the serving score: the landscape itself has a gap. */
	noCluster: boolean;
}

export interface Portfolio {
	rows: PortfolioRow[];
	chosen: { cluster: string; model: string; decision: Decision }[];
	rejected: string[];
	undecided: string[];
}

/** The newest decision per cluster (decisions come in any order). */
export function latestDecisions(decisions: Decision[]): Map<string, Decision> {
	const latest = new Map<string, Decision>();
	for (const d of decisions) {
		const seen = latest.get(d.cluster);
		if (!seen || d.at > seen.at) latest.set(d.cluster, d);
	}
	return latest;
}

export function portfolio(
	efforts: Effort[],
	cells: FitCell[],
	recommendations: Recommendation[],
	decisions: Decision[]
): Portfolio {
	const latest = latestDecisions(decisions);
	const chosen = [...latest.values()]
		.filter((d) => d.decision !== 'rejected' && d.chosenModel !== null)
		.map((d) => ({ cluster: d.cluster, model: d.chosenModel ?? '', decision: d }));
	const rejected = [...latest.values()]
		.filter((d) => d.decision === 'rejected')
		.map((d) => d.cluster);
	const undecided = recommendations.filter((r) => !latest.has(r.cluster)).map((r) => r.cluster);
	const score = (cluster: string, effort: string) => {
		const cell = cells.find((c) => c.cluster === cluster && c.effort === effort);
		return cell ? effectiveScore(cell) : 0;
	};
	const rows = efforts.map((effort) => {
		const serving = (cluster: string) => score(cluster, effort.code) >= SERVES_AT;
		const byScore = (a: PortfolioEntry, b: PortfolioEntry) => b.score - a.score;
		const chosenHere = chosen
			.filter((c) => serving(c.cluster))
			.map((c) => ({ cluster: c.cluster, model: c.model, score: score(c.cluster, effort.code) }))
			.sort(byScore);
		const proposedHere = recommendations
			.filter((r) => undecided.includes(r.cluster) && r.options[0] && serving(r.cluster))
			.map((r) => ({
				cluster: r.cluster,
				model: r.options[0]?.model ?? '',
				score: score(r.cluster, effort.code)
			}))
			.sort(byScore);
		return {
			effort: effort.code,
			chosen: chosenHere,
			proposed: proposedHere,
			gap: chosenHere.length === 0,
			noCluster: !cells.some((c) => c.effort === effort.code && effectiveScore(c) >= SERVES_AT)
		};
	});
	return { rows, chosen, rejected, undecided };
}
