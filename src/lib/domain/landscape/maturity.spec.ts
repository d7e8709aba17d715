import { describe, expect, it } from 'vitest';
import { deriveMaturity, type MaturityInput, type MaturityResult } from './maturity';

const m = 1_000_000;
const input = (
	emerging: boolean | null,
	employees: number | null,
	portfolio: number | null,
	equity: number | null
): MaturityInput => ({
	emerging,
	employees,
	projectPortfolioDkk: portfolio,
	equityDkk: equity
});

describe('deriveMaturity', () => {
	const cases: [string, MaturityInput, Pick<MaturityResult, 'stage' | 'rule' | 'confidence'>][] = [
		[
			'emerging and small',
			input(true, 7, 20 * m, 1 * m),
			{ stage: 'emerging', rule: 'emerging-small', confidence: 'high' }
		],
		[
			'emerging, staff unknown',
			input(true, null, null, null),
			{ stage: 'emerging', rule: 'emerging-small', confidence: 'low' }
		],
		[
			'emerging with 15 staff has grown',
			input(true, 15, null, null),
			{ stage: 'developing', rule: 'emerging-grown', confidence: 'low' }
		],
		[
			'emerging with 14 staff is still small',
			input(true, 14, 99 * m, null),
			{ stage: 'emerging', rule: 'emerging-small', confidence: 'medium' }
		],
		[
			'emerging with a DKK 100m portfolio has grown',
			input(true, 10, 100 * m, null),
			{ stage: 'developing', rule: 'emerging-grown', confidence: 'medium' }
		],
		[
			'established, large staff and portfolio',
			input(false, 40, 800 * m, null),
			{ stage: 'mature', rule: 'established-mature', confidence: 'medium' }
		],
		[
			'established, large staff and equity',
			input(false, 25, null, 5 * m),
			{ stage: 'mature', rule: 'established-mature', confidence: 'medium' }
		],
		[
			'established, large portfolio and equity',
			input(false, 20, 250 * m, 6 * m),
			{ stage: 'mature', rule: 'established-mature', confidence: 'high' }
		],
		[
			'established, one large signal only',
			input(false, 30, null, null),
			{ stage: 'developing', rule: 'established-developing', confidence: 'low' }
		],
		[
			'established, just under every threshold',
			input(false, 24, 249 * m, 4.9 * m),
			{ stage: 'developing', rule: 'established-developing', confidence: 'high' }
		],
		[
			'established, nothing else known',
			input(false, null, null, null),
			{ stage: 'developing', rule: 'established-developing', confidence: 'low' }
		],
		[
			'emerging unknown, sizes known',
			input(null, 40, 300 * m, null),
			{ stage: 'mature', rule: 'established-mature', confidence: 'low' }
		],
		[
			'nothing known',
			input(null, null, null, null),
			{ stage: null, rule: 'unknown', confidence: 'none' }
		]
	];

	it.each(cases)('%s', (_, given, expected) => {
		expect(deriveMaturity(given)).toMatchObject(expected);
	});

	it('lists what is missing and which signals counted', () => {
		const result = deriveMaturity(input(false, 40, 800 * m, null));
		expect(result.missing).toEqual(['equityDkk']);
		expect(result.signals).toEqual(['largeStaff', 'largePortfolio']);
	});
});
