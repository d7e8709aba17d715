import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirects';

describe('safeRedirectTarget', () => {
	it.each([
		['/klynger?view=table', '/klynger?view=table'],
		['/', '/'],
		['//evil.example', '/'],
		['/\\evil.example', '/'],
		['https://evil.example/', '/'],
		['javascript:alert(1)', '/'],
		['', '/'],
		[undefined, '/'],
		[42, '/']
	])('%s → %s', (input, expected) => {
		expect(safeRedirectTarget(input)).toBe(expected);
	});
});
