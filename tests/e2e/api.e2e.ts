import { expect, test, type APIResponse } from '@playwright/test';
import { CHECKED_HEADER } from '../../src/lib/server/api/check';
import { withCheckDigit } from '../../src/lib/domain/companies/cvr';
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

/** Operations whose answer the server held to its declared schema, met by the tour below. */
const checked = new Set<string>();

/** Notes which operation the server checked the answer against (none when the check failed). */
async function seen(pending: Promise<APIResponse>): Promise<APIResponse> {
	const response = await pending;
	const operation = response.headers()[CHECKED_HEADER];
	if (operation) checked.add(operation);
	return response;
}

/** Expects the status without stopping, so one run names every endpoint whose answer is wrong. */
async function answered(
	pending: Promise<APIResponse>,
	status: number,
	what: string
): Promise<APIResponse> {
	const response = await seen(pending);
	expect
		.soft(response.status(), `${what}: ${status === 204 ? '' : await response.text()}`)
		.toBe(status);
	return response;
}

async function body<T>(response: APIResponse): Promise<T> {
	return (await response.json()) as T;
}

test('every endpoint with a JSON or empty answer answers what its schema declares', async ({
	request,
	playwright
}) => {
	const api = await playwright.request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { authorization: `Bearer ${await adminToken(request)}` }
	});
	const stamp = Date.now();

	// System and administration.
	await answered(api.get('/api/v1/health'), 200, 'health');
	await answered(api.get('/api/v1/openapi.json'), 200, 'openapi');
	await answered(api.get('/api/v1/me'), 200, 'me');
	await answered(api.get('/api/v1/users'), 200, 'users');
	const user = await body<{ user: { id: string } }>(
		await answered(
			api.post('/api/v1/users', {
				data: { email: `tour-${stamp}@e2e.example.dk`, name: 'Rundtur', role: 'viewer' }
			}),
			201,
			'create user'
		)
	);
	await answered(
		api.patch(`/api/v1/users/${user.user.id}`, { data: { name: 'Rundtur Læser' } }),
		200,
		'update user'
	);
	const spare = await body<{ apiToken: { id: string } }>(
		await answered(api.post('/api/v1/tokens', { data: { name: 'rundtur' } }), 201, 'token')
	);
	await answered(api.get('/api/v1/tokens'), 200, 'tokens');
	await answered(api.delete(`/api/v1/tokens/${spare.apiToken.id}`), 204, 'revoke token');
	await answered(api.get('/api/v1/audit?entity=user'), 200, 'audit');

	// The installation's organisations (the e2e admin is its platform admin). The tour's
	// organisation is archived again, with nothing in it.
	await answered(api.get('/api/v1/organisations'), 200, 'organisations');
	const code = `rundtur-${stamp}`;
	await answered(
		api.post('/api/v1/organisations', {
			data: {
				code,
				name: `Rundtur ${stamp}`,
				kind: 'national',
				admin: { email: `tour-admin-${stamp}@e2e.example.dk`, name: 'Rundtur Admin' }
			}
		}),
		201,
		'create organisation'
	);
	await answered(
		api.post(`/api/v1/organisations/${code}/members`, {
			data: { email: `tour-${stamp}@e2e.example.dk`, name: 'Rundtur', role: 'viewer' }
		}),
		201,
		'add member'
	);
	await answered(
		api.patch(`/api/v1/organisations/${code}`, { data: { archived: true } }),
		200,
		'archive organisation'
	);

	// The landscape; every change to the cluster is undone again.
	await answered(api.get('/api/v1/clusters?asOf=2021'), 200, 'clusters as of 2021');
	await answered(api.get('/api/v1/clusters'), 200, 'clusters');
	const slug = 'vision-denmark';
	const cluster = await body<{ version: number; focus: string | null; activities: string[] }>(
		await answered(api.get(`/api/v1/clusters/${slug}`), 200, 'cluster')
	);
	await answered(
		api.patch(`/api/v1/clusters/${slug}`, {
			data: { version: cluster.version, focus: cluster.focus }
		}),
		200,
		'update cluster'
	);
	const figure = await body<{ id: number }>(
		await answered(
			api.post(`/api/v1/clusters/${slug}/figures`, {
				data: { metric: 'members', year: 2012, value: 12, sourceKind: 'user' }
			}),
			201,
			'add figure'
		)
	);
	await answered(api.delete(`/api/v1/clusters/${slug}/figures/${figure.id}`), 204, 'delete figure');
	await answered(
		api.put(`/api/v1/clusters/${slug}/activities`, { data: { codes: cluster.activities } }),
		200,
		'activities'
	);
	await answered(
		api.put(`/api/v1/clusters/${slug}/stage-override`, {
			data: { stage: 'mature', reason: 'Rundtur gennem API’et' }
		}),
		204,
		'stage override'
	);
	await answered(
		api.delete(`/api/v1/clusters/${slug}/stage-override`),
		204,
		'clear stage override'
	);
	const office = await body<{ id: number }>(
		await answered(
			api.post(`/api/v1/clusters/${slug}/offices`, {
				data: { label: 'Rundtur', municipalityCode: '851' }
			}),
			201,
			'add office'
		)
	);
	await answered(api.delete(`/api/v1/clusters/${slug}/offices/${office.id}`), 204, 'delete office');
	await answered(api.get('/api/v1/regions'), 200, 'regions');
	await answered(api.get('/api/v1/municipalities?region=1081'), 200, 'municipalities');
	await answered(api.get('/api/v1/actors?region=1081'), 200, 'actors');

	// The survey, in a region no other test uses.
	await answered(api.get('/api/v1/survey-rounds'), 200, 'rounds');
	const round = await body<{ roundId: number }>(
		await answered(
			api.post('/api/v1/survey-rounds', {
				data: { regionCode: '1083', year: 2030, title: 'Rundtur', sinceYear: 2029 }
			}),
			201,
			'create round'
		)
	);
	await answered(api.get(`/api/v1/survey-rounds/${round.roundId}`), 200, 'round');
	await answered(api.get('/api/v1/survey-rounds/1'), 200, 'demo round');
	await answered(api.get('/api/v1/survey-rounds/1/findings'), 200, 'findings');
	await answered(api.get('/api/v1/survey-rounds/1/export'), 200, 'export');
	const imported = await body<{ roundId: number }>(
		await answered(
			api.post('/api/v1/survey-rounds/import', {
				data: {
					format: 'klyngeradar/survey-responses@1',
					round: { regionCode: '1083', year: 2031, title: 'Rundtur, importeret' },
					invited: [slug],
					// Partial: a completed answer would make this the round other journeys open on.
					responses: [{ cluster: slug, status: 'partial', answers: { activeInRegion: false } }]
				}
			}),
			201,
			'import round'
		)
	);
	await answered(
		api.get(`/api/v1/survey-rounds/${imported.roundId}/findings`),
		200,
		'findings of a round without a completed answer'
	);

	// Strategy, fit and recommendations.
	await answered(api.get('/api/v1/strategies/1081'), 200, 'strategy');
	await answered(api.get('/api/v1/strategies/1081/fit'), 200, 'fit');
	await answered(api.get('/api/v1/recommendations?region=1081'), 200, 'recommendations');

	// An agreement with a goal, a KPI and a measurement, deleted again.
	await answered(api.get('/api/v1/agreements?region=1081'), 200, 'agreements');
	const agreementBody = {
		region: '1081',
		title: 'Rundtur med Vision Denmark',
		cluster: slug,
		parties: ['brn'],
		municipalities: ['851'],
		startsOn: '2027-01-01',
		endsOn: '2027-12-31',
		status: 'draft',
		budget: [{ party: 'brn', year: 2027, amountDkk: 50000 }]
	};
	const agreement = await body<{ id: number }>(
		await answered(api.post('/api/v1/agreements', { data: agreementBody }), 201, 'agreement')
	);
	await answered(
		api.patch(`/api/v1/agreements/${agreement.id}`, {
			data: { ...agreementBody, title: 'Rundtur, rettet', version: 1 }
		}),
		200,
		'update agreement'
	);
	const goal = await body<{ id: number }>(
		await answered(
			api.post(`/api/v1/agreements/${agreement.id}/goals`, { data: { title: 'Projekter' } }),
			201,
			'goal'
		)
	);
	const kpi = await body<{ id: number }>(
		await answered(
			api.post(`/api/v1/agreements/${agreement.id}/goals/${goal.id}/kpis`, {
				data: {
					name: 'Projekter',
					unit: 'projekter',
					baseline: 0,
					target: 4,
					dueOn: '2027-12-31',
					frequency: 'quarterly'
				}
			}),
			201,
			'kpi'
		)
	);
	await answered(
		api.post(`/api/v1/agreements/${agreement.id}/kpis/${kpi.id}/measurements`, {
			data: { measuredOn: '2027-07-01', value: 3, comment: 'Halvvejs' }
		}),
		201,
		'measurement'
	);
	await answered(api.get(`/api/v1/agreements/${agreement.id}`), 200, 'agreement detail');
	await answered(api.get('/api/v1/agreements?region=1081'), 200, 'agreements with a KPI');
	await answered(api.delete(`/api/v1/agreements/${agreement.id}`), 204, 'delete agreement');

	// Meetings (the deck is a file, not JSON) and the company register. The list is for a year
	// no deck or count looks at, and its company is in no register, so no other test sees it.
	const meetings = await body<{ meetings: { id: number }[] }>(
		await answered(api.get('/api/v1/meetings?region=1081'), 200, 'meetings')
	);
	for (const meeting of meetings.meetings.slice(0, 2)) {
		await answered(api.get(`/api/v1/meetings/${meeting.id}`), 200, `meeting ${meeting.id}`);
	}
	await answered(api.get('/api/v1/national/coverage'), 200, 'national coverage');
	await answered(api.get('/api/v1/national/matrix'), 200, 'national matrix');
	await answered(api.get('/api/v1/companies/stats?region=1081'), 200, 'company stats');
	await answered(
		api.post(`/api/v1/imports?kind=participants&cluster=${slug}&year=2012&filename=rundtur.csv`, {
			headers: { 'content-type': 'text/csv' },
			data: `cvr\n${withCheckDigit('9876543') ?? ''}\n`
		}),
		201,
		'import'
	);
	await answered(api.get('/api/v1/companies/stats?region=1081&year=2012'), 200, 'stats of 2012');

	// Every operation with a JSON or empty answer in the published document was met and passed.
	const document = await body<{
		paths: Record<
			string,
			Record<string, { operationId: string; responses: Record<string, { content?: object }> }>
		>;
	}>(await api.get('/api/v1/openapi.json'));
	const expected = Object.values(document.paths)
		.flatMap((item) => Object.values(item))
		.filter(({ responses }) =>
			Object.entries(responses).some(
				([status, answer]) =>
					status === '204' ||
					(status.startsWith('2') && answer.content && 'application/json' in answer.content)
			)
		)
		.map((operation) => operation.operationId);
	expect(expected.length).toBeGreaterThan(30);
	expect(expected.filter((operationId) => !checked.has(operationId)).sort()).toEqual([]);
	await api.dispose();
});
