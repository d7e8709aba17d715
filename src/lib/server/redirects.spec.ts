import { describe, expect, it } from 'vitest';
import probe from '../../../tests/fixtures/security/redirects.json';
import { safeRedirectTarget } from './redirects';

describe('safeRedirectTarget', () => {
	it.each(probe.kept)('%s → %s', (input, expected) => {
		expect(safeRedirectTarget(input)).toBe(expected);
	});

	it.each(probe.offSite)('refuses %j', (input) => {
		expect(safeRedirectTarget(input)).toBe('/');
		// Also when it arrives percent-decoded once more, as a query parameter does.
		expect(safeRedirectTarget(decodeURIComponent(encodeURIComponent(input)))).toBe('/');
	});

	it.each([[''], [undefined], [42], ['/'.repeat(2001)]])('falls back for %j', (input) => {
		expect(safeRedirectTarget(input, '/konto')).toBe('/konto');
	});
});
