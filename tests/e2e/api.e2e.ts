import { expect, test } from '@playwright/test';
import { accounts, BASE_URL } from './fixtures';

async function adminToken(request: import('@playwright/test').APIRequestContext): Promise<string> {
	await request.post('/login', {
		form: { email: accounts.admin.email, password: accounts.admin.password },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	const created = await request.post('/api/v1/tokens', { data: { name: `api-e2e-${Date.now()}` } });
	expect(created.status()).toBe(201);
	return ((await created.json()) as { token: string }).token;
}

test('health and the OpenAPI document need no sign-in', async ({ request }) => {
	const health = await request.get('/api/v1/health');
	expect(health.status()).toBe(200);
	expect(await health.json()).toMatchObject({
		status: 'ok',
		database: { kind: 'pglite', migrations: { latest: expect.any(String) } }
	});
	const openapi = await request.get('/api/v1/openapi.json');
	expect(openapi.status()).toBe(200);
	const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
	expect(document.openapi).toBe('3.1.0');
	expect(Object.keys(document.paths)).toEqual(
		expect.arrayContaining(['/api/v1/health', '/api/v1/users', '/api/v1/users/{id}'])
	);
});

test('bad API input gets a clear JSON error, the right status and no stack trace; nothing is written', async ({
	request,
	playwright
}) => {
	const token = await adminToken(request);
	const api = await playwright.request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { authorization: `Bearer ${token}` }
	});
	const before = ((await (await api.get('/api/v1/users')).json()) as { users: unknown[] }).users
		.length;

	const malformed = await api.post('/api/v1/users', {
		headers: { 'content-type': 'application/json' },
		data: Buffer.from('{"email": "x@'),
		failOnStatusCode: false
	});
	expect(malformed.status()).toBe(400);
	expect(await malformed.json()).toEqual({
		error: { code: 'bad_json', message: 'Forespørgslens indhold er ikke gyldig JSON.' }
	});

	const invalid = await api.post('/api/v1/users', {
		data: { email: 'nope', name: '', role: 'owner', extra: 1 }
	});
	expect(invalid.status()).toBe(400);
	const body = (await invalid.json()) as {
		error: { code: string; issues: { path: string[]; message: string }[] };
	};
	expect(body.error.code).toBe('validation');
	expect(body.error.issues).toEqual(
		expect.arrayContaining([
			{ path: ['email'], message: 'Skal være en gyldig e-mailadresse.' },
			{ path: ['role'], message: 'Skal være en af: admin, analyst, viewer.' }
		])
	);
	expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+/);

	const english = await api.post('/api/v1/users', {
		data: { email: 'nope', name: 'X', role: 'viewer' },
		headers: { cookie: 'PARAGLIDE_LOCALE=en' }
	});
	expect(
		((await english.json()) as { error: { issues: { message: string }[] } }).error.issues[0]
			?.message
	).toBe('Must be a valid e-mail address.');

	const badId = await api.patch('/api/v1/users/not-a-uuid', { data: { role: 'viewer' } });
	// An id that cannot name a user names none: 404, like an unknown one.
	expect(badId.status()).toBe(404);
	const unknown = await api.patch('/api/v1/users/00000000-0000-4000-8000-000000000000', {
		data: { role: 'viewer' }
	});
	expect(unknown.status()).toBe(404);

	const after = ((await (await api.get('/api/v1/users')).json()) as { users: unknown[] }).users
		.length;
	expect(after).toBe(before);

	const revoked = await api.get('/api/v1/tokens');
	const ours = ((await revoked.json()) as { tokens: { id: string; prefix: string }[] }).tokens.find(
		(t) => token.startsWith(t.prefix)
	);
	expect((await api.delete(`/api/v1/tokens/${ours?.id}`)).status()).toBe(204);
	const refused = await api.get('/api/v1/users');
	expect(refused.status()).toBe(401);
	expect(await refused.json()).toMatchObject({ error: { code: 'unauthenticated' } });
	await api.dispose();
});

test('a viewer token reads but cannot administer', async ({ request, playwright }) => {
	const token = await adminToken(request);
	const admin = await playwright.request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { authorization: `Bearer ${token}` }
	});
	const viewerToken = await admin.post('/api/v1/tokens', {
		data: { name: 'viewer-token', userEmail: accounts.viewer.email }
	});
	const secret = ((await viewerToken.json()) as { token: string }).token;
	const viewer = await playwright.request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { authorization: `Bearer ${secret}` }
	});
	expect(await (await viewer.get('/api/v1/me')).json()).toMatchObject({
		email: accounts.viewer.email,
		role: 'viewer'
	});
	const forbidden = await viewer.get('/api/v1/users');
	expect(forbidden.status()).toBe(403);
	expect(await forbidden.json()).toMatchObject({
		error: { code: 'forbidden', message: 'Din rolle giver ikke adgang til dette.' }
	});
	await viewer.dispose();
	await admin.dispose();
});

test('the landscape API: snapshots, profile with provenance, and analyst edits with validation', async ({
	request,
	playwright
}) => {
	const token = await adminToken(request);
	const admin = await playwright.request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { authorization: `Bearer ${token}` }
	});
	const analystToken = (
		(await (
			await admin.post('/api/v1/tokens', {
				data: { name: 'analyst', userEmail: accounts.analyst.email }
			})
		).json()) as { token: string }
	).token;
	const viewerToken = (
		(await (
			await admin.post('/api/v1/tokens', {
				data: { name: 'viewer', userEmail: accounts.viewer.email }
			})
		).json()) as { token: string }
	).token;
	const analyst = await playwright.request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { authorization: `Bearer ${analystToken}` }
	});
	const viewer = await playwright.request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { authorization: `Bearer ${viewerToken}` }
	});

	const in2021 = (await (await viewer.get('/api/v1/clusters?asOf=2021')).json()) as {
		count: number;
		programmes: { count: number; identified: number }[];
	};
	expect(in2021.count).toBe(13);
	expect(in2021.programmes[0]).toMatchObject({ count: 14, identified: 13 });
	const in2023 = (await (await viewer.get('/api/v1/clusters?asOf=2023')).json()) as {
		clusters: { slug: string }[];
	};
	expect(in2023.clusters.map((c) => c.slug)).not.toContain('marlog');

	const made = (await (await viewer.get('/api/v1/clusters/made')).json()) as {
		version: number;
		figureHistory: unknown[];
	};
	expect(made.figureHistory.length).toBeGreaterThan(0);
	expect(
		(
			await viewer.patch('/api/v1/clusters/made', {
				data: { version: made.version, organisationForm: 'Forening' }
			})
		).status()
	).toBe(403);

	const bad = await analyst.post('/api/v1/clusters/made/figures', {
		data: { metric: 'members', year: 2024, value: 'many', sourceKind: 'url' }
	});
	expect(bad.status()).toBe(400);
	expect(
		((await bad.json()) as { error: { issues: { path: string[] }[] } }).error.issues.map((i) =>
			i.path.join('.')
		)
	).toContain('value');

	const saved = await analyst.post('/api/v1/clusters/made/figures', {
		data: {
			metric: 'members',
			year: 2024,
			value: 260,
			sourceKind: 'survey',
			sourceLabel: 'Survey Nordjylland 2024',
			isEstimate: true
		}
	});
	expect(saved.status()).toBe(201);
	expect(await saved.json()).toMatchObject({
		value: 260,
		estimate: true,
		source: { kind: 'survey', label: 'Survey Nordjylland 2024' }
	});

	const patched = await analyst.patch('/api/v1/clusters/made', {
		data: { version: made.version, organisationForm: 'Forening' }
	});
	expect(patched.status()).toBe(200);
	const stale = await analyst.patch('/api/v1/clusters/made', {
		data: { version: made.version, organisationForm: 'Fond' }
	});
	expect(stale.status()).toBe(409);
	expect(await stale.json()).toMatchObject({ error: { code: 'conflict' } });

	const regions = (await (await viewer.get('/api/v1/regions')).json()) as { regions: unknown[] };
	expect(regions.regions).toHaveLength(5);
	const municipalities = (await (
		await viewer.get('/api/v1/municipalities?region=1081')
	).json()) as { municipalities: unknown[] };
	expect(municipalities.municipalities).toHaveLength(11);
	const actors = (await (await viewer.get('/api/v1/actors?region=1081')).json()) as {
		actors: { slug: string }[];
	};
	expect(actors.actors.map((a) => a.slug)).toContain('erhvervshus-nordjylland');
	expect((await viewer.get('/api/v1/actors')).status()).toBe(400);
	for (const context of [admin, analyst, viewer]) await context.dispose();
});
