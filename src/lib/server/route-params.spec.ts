import { describe, expect, it } from 'vitest';
import probe from '../../../tests/fixtures/security/route-params.json';
import { paramsAreWellFormed } from './route-params';

type Case = [routeId: string, params: Record<string, string>];
const refused = probe.refused as Case[];
const accepted = probe.accepted as Case[];

describe('paramsAreWellFormed', () => {
	it.each(refused)('refuses %s %j', (routeId, params) => {
		expect(paramsAreWellFormed(routeId, params)).toBe(false);
	});

	it.each(accepted)('accepts %s %j', (routeId, params) => {
		expect(paramsAreWellFormed(routeId, params)).toBe(true);
	});
});
