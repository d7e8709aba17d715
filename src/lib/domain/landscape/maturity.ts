/**
 * The maturity rule: which of the source document's three development stages a cluster
 * organisation is in ("Simplificeret skitse af de 13 klyngeorganisationers udviklingstrin").
 *
 * - **Spirende** (emerging): within an emerging strength position, small project portfolio, few staff.
 * - **Ny / i udvikling** (developing): within a strength position, growing portfolio, starting to
 *   specialise staff.
 * - **Moden** (mature): established, large project portfolios and specialised staff; equity and
 *   financial robustness.
 *
 * The rule, with thresholds chosen from the source document's 2023 ranges (staff 7 to 40–50):
 * 1. A cluster in an emerging strength position is *emerging* while every known size signal is
 *    small (fewer than 15 staff, portfolio under DKK 100m); a large signal makes it *developing*.
 * 2. Otherwise it is *mature* when at least two of these hold: 25 or more staff, a project
 *    portfolio of DKK 250m or more, equity of DKK 5m or more; else *developing*.
 * 3. When neither emerging status nor any size signal is known, no stage is derived.
 * Confidence says how many of the four inputs were known; the missing ones are listed.
 */
import type { Stage } from './types';

export const MATURITY_THRESHOLDS = {
	smallStaff: 15,
	largeStaff: 25,
	smallPortfolioDkk: 100_000_000,
	largePortfolioDkk: 250_000_000,
	robustEquityDkk: 5_000_000
} as const;

export interface MaturityInput {
	emerging: boolean | null;
	employees: number | null;
	projectPortfolioDkk: number | null;
	equityDkk: number | null;
}

export type MaturityInputName = keyof MaturityInput;

export interface MaturityResult {
	stage: Stage | null;
	confidence: 'high' | 'medium' | 'low' | 'none';
	/** Which rule decided, as a stable code for the UI to explain. */
	rule:
		| 'emerging-small'
		| 'emerging-grown'
		| 'established-mature'
		| 'established-developing'
		| 'unknown';
	missing: MaturityInputName[];
	/** The signals that were known and counted, e.g. `largeStaff`. */
	signals: string[];
}

export function deriveMaturity(input: MaturityInput): MaturityResult {
	const t = MATURITY_THRESHOLDS;
	const missing = (Object.keys(input) as MaturityInputName[]).filter((key) => input[key] === null);
	const known = 4 - missing.length;
	const confidence = known === 4 ? 'high' : known === 3 ? 'medium' : known >= 1 ? 'low' : 'none';
	const signals: string[] = [];
	const { employees, projectPortfolioDkk: portfolio, equityDkk: equity } = input;
	const sizeKnown = employees !== null || portfolio !== null || equity !== null;

	if (input.emerging === true) {
		const grownStaff = employees !== null && employees >= t.smallStaff;
		const grownPortfolio = portfolio !== null && portfolio >= t.smallPortfolioDkk;
		if (grownStaff) signals.push('staffNotSmall');
		if (grownPortfolio) signals.push('portfolioNotSmall');
		return grownStaff || grownPortfolio
			? { stage: 'developing', confidence, rule: 'emerging-grown', missing, signals }
			: { stage: 'emerging', confidence, rule: 'emerging-small', missing, signals };
	}
	if (input.emerging === null && !sizeKnown) {
		return { stage: null, confidence: 'none', rule: 'unknown', missing, signals };
	}
	if (employees !== null && employees >= t.largeStaff) signals.push('largeStaff');
	if (portfolio !== null && portfolio >= t.largePortfolioDkk) signals.push('largePortfolio');
	if (equity !== null && equity >= t.robustEquityDkk) signals.push('robustEquity');
	return signals.length >= 2
		? { stage: 'mature', confidence, rule: 'established-mature', missing, signals }
		: { stage: 'developing', confidence, rule: 'established-developing', missing, signals };
}
