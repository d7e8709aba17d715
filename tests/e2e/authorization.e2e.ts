/**
 * Every route in SvelteKit's route manifest (from the build, not a hand list), every method it
 * serves, requested as anonymous, viewer, analyst and admin. What each may do comes from the
 * access policy; a route without a policy entry, or a response that does not match it, fails.
 */
import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accessFor, routeAccess } from '../../src/lib/server/auth/policy';
import { accounts, BASE_URL, otherOrganisationIds, type Role } from './fixtures';

type Access = ReturnType<typeof accessFor>;
interface ManifestRoute {
	id: string;
	params: { name: string }[];
	page: { leaf: number } | null;
	endpoint: (() => Promise<Record<string, unknown>>) | null;
}
interface Manifest {
	_: {
		routes: ManifestRoute[];
		nodes: (() => Promise<{ server?: { actions?: Record<string, unknown> } }>)[];
	};
}

/**
 * Values for route parameters. Where a real entity is needed for a 200, the id names one from the
 * reference or demo data; a parameter missing here fails the test, so new routes must add one.
 */
const sampleParams: Record<string, string> = {
	token: 'no-such-token-0000000000000000000000000',
	id: '00000000-0000-4000-8000-000000000000',
	slug: 'energy-cluster-denmark',
	region: '1081',
	code: 'dialogue',
	goalId: '999999',
	kpiId: '999999',
	doc: '999999'
};

/** Query strings a route needs to answer 200. */
const sampleQuery: Record<string, string> = {
	'/api/v1/actors': '?region=1081',
	'/api/v1/recommendations': '?region=1081',
	'/api/v1/companies/stats': '?region=1081'
};

/** Parameters that differ by route (numeric ids under clusters). */
const sampleParamsByRoute: Record<string, Record<string, string>> = {
	'/api/v1/clusters/[slug]/figures/[id]': { id: '999999' },
	'/api/v1/clusters/[slug]/offices/[id]': { id: '999999' },
	// Writes through the API are probed on an agreement that does not exist, so the probe of
	// DELETE never removes the demo agreement other journeys use.
	'/api/v1/agreements/[id]': { id: '999999' },
	'/api/v1/agreements/[id]/goals': { id: '999999' },
	'/api/v1/agreements/[id]/goals/[goalId]/kpis': { id: '999999' },
	'/api/v1/agreements/[id]/kpis/[kpiId]/measurements': { id: '999999' },
	// The demo management meeting (id 1) exists in the e2e database.
	'/praesentationer/[id]/fil/[format]': { id: '1', format: 'pptx' },
	'/api/v1/meetings/[id]/deck/[format]': { id: '1', format: 'pptx' }
};

/** Routes whose [id] is a survey round: the demo round (id 1) exists in the e2e database. */
const roundRoutes = /^\/(undersoegelse|fund|api\/v1\/survey-rounds)\/\[id\]/;
/** Routes whose [id] is an agreement: the demo agreement (id 1) exists in the e2e database. */
const agreementRoutes = /^\/aftaler\/\[id\]/;
/** Routes whose [id] is a meeting: the demo management meeting (id 1) exists too. */
const meetingRoutes = /^\/(praesentationer|api\/v1\/meetings)\/\[id\]/;
const sampleFormat = 'json';

/**
 * Allowed GETs answer 200, except these: sample parameters that deliberately point at nothing,
 * and the login page, which sends a signed-in user on.
 */
function expectedGetStatus(route: string, who: Who): number {
	if (route === '/login' && who !== 'anonymous') return 303;
	if (route === '/invitation/[token]') return 404;
	if (route === '/api/v1/agreements/[id]' || route === '/aftaler/[id]/dokumenter/[doc]') return 404;
	return 200;
}

const rank: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };
type Who = 'anonymous' | Role;
const everyone: Who[] = ['anonymous', 'viewer', 'analyst', 'admin'];

function allowed(who: Who, access: NonNullable<Access>): boolean {
	if (access === 'public') return true;
	if (access === 'respondent' || who === 'anonymous') return false;
	// The e2e admin is also the installation's platform admin (tests/e2e/serve.js).
	if (access === 'platform') return who === 'admin';
	return rank[who] >= rank[access];
}

function pathFor(route: ManifestRoute): string {
	return pathOnly(route) + (sampleQuery[route.id] ?? '');
}

function pathOnly(route: ManifestRoute): string {
	return (
		route.id.replace(/\/\([^)]+\)/g, '').replace(/\[(\w+)\]/g, (_, name: string) => {
			const value =
				sampleParamsByRoute[route.id]?.[name] ??
				(name === 'id' &&
				(roundRoutes.test(route.id) ||
					agreementRoutes.test(route.id) ||
					meetingRoutes.test(route.id))
					? '1'
					: name === 'format'
						? sampleFormat
						: sampleParams[name]);
			if (value === undefined)
				throw new Error(`No sample value for route parameter [${name}] in ${route.id}`);
			return value;
		}) || '/'
	);
}

async function loadManifest(): Promise<Manifest> {
	const file = join(process.cwd(), '.svelte-kit', 'output', 'server', 'manifest.js');
	return ((await import(pathToFileURL(file).href)) as { manifest: Manifest }).manifest;
}

interface Probe {
	route: string;
	method: string;
	path: string;
	page: boolean;
}

async function probes(): Promise<Probe[]> {
	const manifest = await loadManifest();
	const list: Probe[] = [];
	for (const route of manifest._.routes) {
		const path = pathFor(route);
		if (route.page) {
			list.push({ route: route.id, method: 'GET', path, page: true });
			const node = await manifest._.nodes[route.page.leaf]?.();
			const actions = node?.server?.actions;
			if (actions) {
				const name = Object.keys(actions)[0] ?? 'default';
				list.push({
					route: route.id,
					method: 'POST',
					path: name === 'default' ? path : `${path}?/${name}`,
					page: true
				});
			}
		}
		if (route.endpoint) {
			const module = await route.endpoint();
			for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
				if (typeof module[method] === 'function')
					list.push({ route: route.id, method, path, page: false });
			}
		}
	}
	return list;
}

async function contextFor(who: Who): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { origin: BASE_URL }
	});
	if (who !== 'anonymous') {
		const response = await context.post('/login', {
			form: { email: accounts[who].email, password: accounts[who].password },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), `sign in as ${who}`).toBe(303);
	}
	return context;
}

/** The probe's request, as a browser (page) or an API client sends it, with an empty body. */
function send(context: APIRequestContext, probe: Probe, path = probe.path) {
	return context.fetch(path, {
		method: probe.method,
		maxRedirects: 0,
		headers: { accept: probe.page ? 'text/html' : 'application/json' },
		...(probe.method === 'GET' || probe.method === 'DELETE'
			? {}
			: probe.page
				? { form: {} }
				: { data: {} })
	});
}

test('every route and endpoint enforces its declared role', async () => {
	test.setTimeout(180_000);
	const list = await probes();
	expect(list.length).toBeGreaterThan(20);
	const failures: string[] = [];
	for (const probe of list) {
		if (!(probe.route in routeAccess)) {
			failures.push(`${probe.route}: no access policy (add it to src/lib/server/auth/policy.ts)`);
			continue;
		}
		const access = accessFor(probe.route, probe.method);
		if (access === undefined) {
			// The route's entry leaves this method out: it is refused for everyone.
			for (const who of everyone) {
				const context = await contextFor(who);
				const response = await context.fetch(probe.path, { method: probe.method, maxRedirects: 0 });
				if (response.status() !== 405) {
					failures.push(
						`${probe.method} ${probe.path} as ${who} (not served) → ${response.status()}: expected 405`
					);
				}
				await context.dispose();
			}
			continue;
		}
		for (const who of everyone) {
			// A fresh context per request: some requests (sign-out) end the session they use.
			const context = await contextFor(who);
			const response = await send(context, probe);
			const status = response.status();
			const location = response.headers()['location'] ?? '';
			const label = `${probe.method} ${probe.path} as ${who} (requires ${access}) → ${status} ${location}`;
			if (access === 'respondent') {
				// Staff and strangers alike get the clear "link not valid" page for an unknown token.
				if (status !== 404) failures.push(`${label}: expected 404 for an unknown survey link`);
			} else if (!allowed(who, access)) {
				const expected =
					who === 'anonymous'
						? !probe.path.startsWith('/api/') && probe.method === 'GET'
							? 303
							: 401
						: 403;
				if (status !== expected) failures.push(`${label}: expected ${expected}`);
				else if (expected === 303 && !location.startsWith('/login'))
					failures.push(`${label}: expected a redirect to /login`);
			} else if (probe.method === 'GET') {
				const expected = expectedGetStatus(probe.route, who);
				if (status !== expected) failures.push(`${label}: expected ${expected}`);
			} else if (
				[401, 403, 405].includes(status) ||
				status >= 500 ||
				location.startsWith('/login?redirectTo')
			) {
				failures.push(`${label}: an allowed request was refused or failed`);
			}
			await context.dispose();
		}
	}
	expect(failures).toEqual([]);
});

test('the ids of another organisation answer 404 on every route and endpoint that takes one', async () => {
	test.setTimeout(180_000);
	const other = await otherOrganisationIds();
	/** The other organisation's entity a route's [id] names; undefined for shared data. */
	const idOf = (route: string): number | undefined => {
		if (roundRoutes.test(route)) return other.round;
		if (agreementRoutes.test(route) || /^\/api\/v1\/agreements\/\[id\]/.test(route))
			return other.agreement;
		if (meetingRoutes.test(route)) return other.meeting;
		return undefined;
	};
	const list = (await probes()).filter((probe) => idOf(probe.route) !== undefined);
	expect(list.length).toBeGreaterThan(15);
	const failures: string[] = [];
	// The analyst is a member of the first organisation only; the admin of both, acting in the
	// first (the session's organisation): for both, the other's ids name nothing.
	for (const who of ['analyst', 'admin'] as const) {
		for (const probe of list) {
			const access = accessFor(probe.route, probe.method);
			if (access === undefined || access === 'respondent' || !allowed(who, access)) continue;
			// The [id] is the first number in the path (other parameters come after it).
			const path = probe.path.replace(/\/\d+(?=\/|\?|$)/, `/${idOf(probe.route)}`);
			const context = await contextFor(who);
			const response = await send(context, probe, path);
			if (response.status() !== 404)
				failures.push(`${probe.method} ${path} as ${who} → ${response.status()}: expected 404`);
			await context.dispose();
		}
	}
	expect(failures).toEqual([]);
});
