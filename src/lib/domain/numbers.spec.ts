import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from './numbers';

describe('parseLocaleNumber', () => {
	it.each([
		['1740', 1740],
		['1.740', 1740],
		['1.740.000', 1740000],
		['1 740', 1740],
		['12,5', 12.5],
		['1.740,5', 1740.5],
		['12.5', 12.5],
		['1,740', 1740],
		['32000000 kr.', 32000000],
		['-3', -3],
		['0', 0],
		['', null],
		['abc', null],
		['1,2,3', null],
		['12.5.1', null]
	] as const)('%j → %s', (input, expected) => {
		expect(parseLocaleNumber(input)).toBe(expected);
	});
});
