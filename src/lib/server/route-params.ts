import { z } from 'zod';

/**
 * Route parameters that cannot name anything are answered 404 before any load or endpoint runs,
 * so a crafted URL (`/fund/99999999999999999999`, `/klynger/%00`) never reaches the database as
 * a value it cannot represent. Integer ids are PostgreSQL `integer`/`bigint` identities (1 …
 * 2^31-1 covers every id this app hands out); users and API tokens have UUIDs.
 */
const INTEGER_PARAMS = new Set(['id', 'doc', 'goalId', 'kpiId']);
const UUID_ROUTES = new Set(['/api/v1/users/[id]', '/api/v1/tokens/[id]']);
const INT4_MAX = 2_147_483_647;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

export function isUuid(value: string): boolean {
	return z.uuid().safeParse(value).success;
}

export function isIntegerId(value: string): boolean {
	return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= INT4_MAX;
}

export function paramsAreWellFormed(routeId: string, params: Record<string, string>): boolean {
	return Object.entries(params).every(([name, value]) => {
		if (value.length === 0 || value.length > 200 || CONTROL.test(value)) return false;
		if (!INTEGER_PARAMS.has(name)) return true;
		return UUID_ROUTES.has(routeId) ? isUuid(value) : isIntegerId(value);
	});
}
