/** The fit matrix's breakdown and provenance as pages, the API and the CLI show them. */
import type { Criterion } from '../strategy/strategy';
import type { FitCell } from './score';

export interface FitProvenance {
	source: 'derived';
	survey: {
		roundId: number;
		title: string;
		year: number;
		isDemo: boolean;
		n: number;
		N: number;
		lastAnswer: string | null;
	} | null;
	strategyVersion: number;
	strategyIsExample: boolean;
	strategyDate: string;
	landscapeUpdatedAt: string | null;
	/** The company register's lists behind the reach figures, when it has any for the clusters. */
	register: { clusters: number; lists: number; latestImport: string } | null;
	/** The provenance in one line, in the user's language. */
	text: string;
}

export interface CriterionBreakdown {
	criterion: Criterion;
	label: string;
	weight: number;
	/** 0–100, or null when missing. */
	value: number | null;
	/** Points this criterion adds to the score. */
	points: number | null;
	evidence: string[];
	link: { href: string; label: string } | null;
}

export interface CellBreakdown {
	cluster: { slug: string; name: string };
	effort: { code: string; title: string };
	score: number;
	shown: number;
	confidence: number;
	missing: string[];
	criteria: CriterionBreakdown[];
	override: FitCell['override'];
	/** The thematic value (0–100) the capacity criteria are counted with; null when unknown. */
	gate: number | null;
}
