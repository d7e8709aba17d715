/**
 * The outside probe's findings, checked against the running app: headers, script that must not
 * run, redirects that must stay on the site, ids that name nothing, and the one-time password.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { accounts, BASE_URL } from './fixtures';
import { expectNoA11yViolations, login, signedInRequest } from './helpers';

const fixture = <T>(name: string) =>
	JSON.parse(readFileSync(new URL(`../fixtures/security/${name}`, import.meta.url), 'utf8')) as T;
const markup = fixture<{ texts: string[] }>('markup.json');
const redirects = fixture<{ offSite: string[] }>('redirects.json');
const PROBE = markup.texts[0] ?? '';

test('every response carries the security headers; pages have a nonce-based CSP', async ({
	request
}) => {
	const page = await request.get('/login');
	const csp = page.headers()['content-security-policy'] ?? '';
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("object-src 'none'");
	const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? 'none';
	expect(await page.text()).toContain(`nonce="${nonce}"`);
	// JSON, a file, a refused request (drawn from src/error.html) and an unknown path.
	const others = await Promise.all([
		request.get('/api/v1/health'),
		request.get('/favicon.svg'),
		request.get('/admin/brugere', { maxRedirects: 0 }),
		request.get('/no-such-page')
	]);
	for (const response of [page, ...others]) {
		const headers = response.headers();
		expect(headers['x-content-type-options'], response.url()).toBe('nosniff');
		expect(headers['x-frame-options'], response.url()).toBe('DENY');
		expect(headers['referrer-policy'], response.url()).toBe('same-origin');
		expect(headers['content-security-policy'], response.url()).toContain("frame-ancestors 'none'");
		// Plain HTTP here: HSTS only behind HTTPS.
		expect(headers['strict-transport-security'], response.url()).toBeUndefined();
	}
});

test('the CSP stops script that slips into a page', async ({ page }) => {
	await page.goto('/login');
	const blocked = page.waitForEvent('console', (message) =>
		/Content Security Policy/i.test(message.text())
	);
	await page.evaluate(() => {
		const img = document.createElement('img');
		img.src = 'data:,x';
		img.setAttribute('onerror', 'window.__probe = "ran"');
		img.setAttribute('onload', 'window.__probe = "ran"');
		document.body.append(img);
		const script = document.createElement('script');
		script.textContent = 'window.__probe = "ran"';
		document.body.append(script);
	});
	await blocked;
	expect(await page.evaluate(() => (window as { __probe?: string }).__probe)).toBeUndefined();
});

test('questionnaire texts reach the respondent as text, the thank-you text too', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await login(page, 'analyst');
	await page.goto('/undersoegelse');
	// Region Sjælland, so the North Jutland journeys' rounds and findings are untouched.
	await page.getByLabel('Region', { exact: true }).selectOption('1085');
	await page.getByLabel('Titel').fill(`Probe ${Date.now()}`);
	await page.getByRole('button', { name: 'Opret runden' }).click();
	await expect(page).toHaveURL(/\/undersoegelse\/\d+$/);
	const roundUrl = page.url();
	await page.goto(`${roundUrl}/spoergeskema`);
	await page.locator('#da-completed').fill(PROBE);
	await page.locator('#da-title').fill(`Titel ${PROBE}`);
	await page.getByRole('button', { name: 'Gem som ny version' }).click();
	await expect(page.getByText(/Version \d+ er gemt/)).toBeVisible();
	await page.goto(roundUrl);
	const row = page.getByTestId('invitation-status').getByRole('row').filter({ hasText: 'MADE' });
	await row.getByRole('button', { name: /Send invitation/ }).click();
	const link =
		(await page.getByTestId('invitation-link').locator('.secret').textContent())?.trim() ?? '';

	const context = await browser.newContext({ locale: 'da-DK' });
	const respondent = await context.newPage();
	const violations: string[] = [];
	respondent.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await respondent.goto(link);
	await expect(respondent.getByTestId('survey-form')).toHaveAttribute('data-loaded', 'true');
	await expect(respondent.getByText(`Titel ${PROBE}`)).toBeVisible();
	await respondent.locator('.sd-item').filter({ hasText: 'Ingen aktiviteter' }).first().click();
	await respondent.getByRole('button', { name: 'Indsend' }).first().click();
	await expect(respondent.getByTestId('survey-completed')).toHaveText(PROBE);
	await expectNoA11yViolations(respondent);
	expect(await respondent.evaluate(() => (window as { __probe?: string }).__probe)).toBeUndefined();
	expect(await respondent.locator('img[src="x"]').count()).toBe(0);
	// SurveyJS, the charts and the app run under the policy without a single refusal.
	expect(violations).toEqual([]);
	await context.close();
});

test('sign-in redirects stay on the site, whatever form the target takes', async ({
	playwright
}) => {
	const signedIn = await signedInRequest(
		await playwright.request.newContext({ baseURL: BASE_URL }),
		'viewer'
	);
	for (const target of redirects.offSite) {
		const query = `/login?redirectTo=${encodeURIComponent(target)}`;
		const response = await signedIn.get(query, { maxRedirects: 0 });
		expect(response.status(), target).toBe(303);
		expect(response.headers()['location'], target).toBe('/');
	}
	const fresh = await playwright.request.newContext({ baseURL: BASE_URL });
	const posted = await fresh.post('/login', {
		form: {
			email: accounts.viewer.email,
			password: accounts.viewer.password,
			redirectTo: '/\t/evil.example'
		},
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(posted.headers()['location']).toBe('/');
	await fresh.dispose();
	await signedIn.dispose();
});

test('ids that name nothing answer 404 or 400, never 500', async ({ playwright }) => {
	const admin = await signedInRequest(
		await playwright.request.newContext({ baseURL: BASE_URL }),
		'admin'
	);
	for (const path of [
		'/fund/99999999999999999999',
		'/fund/abc',
		'/klynger/%00',
		'/aftaler/1/dokumenter/NaN',
		'/api/v1/survey-rounds/99999999999999999999',
		'/api/v1/users/not-a-uuid'
	]) {
		const response = await admin.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(404);
	}
	const update = await admin.post('/admin/brugere?/update', {
		form: { id: 'not-a-uuid', role: 'viewer', name: 'X' },
		headers: { origin: BASE_URL, accept: 'application/json' }
	});
	expect(update.status()).toBe(200);
	expect(await update.json()).toMatchObject({ type: 'failure', status: 404 });
	// A form field read as a number that is none: bad input, said so, nothing written.
	for (const id of ['abc', '99999999999999999999']) {
		const handled = await admin.post('/undersoegelse/udbakke?/handled', {
			form: { id },
			headers: { origin: BASE_URL, accept: 'application/json' }
		});
		expect(await handled.json(), id).toMatchObject({ type: 'failure', status: 400 });
	}
	await admin.dispose();
});

async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
	const created = await request.post('/api/v1/tokens', {
		data: { name: `otp-${Date.now()}`, userEmail: email }
	});
	expect(created.status()).toBe(201);
	return ((await created.json()) as { token: string }).token;
}

test('a one-time password opens nothing but the password change, API included', async ({
	playwright
}) => {
	const admin = await signedInRequest(
		await playwright.request.newContext({ baseURL: BASE_URL }),
		'admin'
	);
	const email = `otp-${Date.now()}@e2e.example.dk`;
	const created = await admin.post('/api/v1/users', {
		data: { email, name: 'Otto Engang', role: 'analyst' }
	});
	expect(created.status()).toBe(201);
	const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
	const token = await tokenFor(admin, email);

	const api = await playwright.request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { authorization: `Bearer ${token}` }
	});
	const refused = await api.get('/api/v1/me');
	expect(refused.status()).toBe(403);
	expect(await refused.json()).toMatchObject({ error: { code: 'password_change_required' } });

	const browserLike = await playwright.request.newContext({ baseURL: BASE_URL });
	const login = await browserLike.post('/login', {
		form: { email, password: oneTimePassword },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(login.headers()['location']).toBe('/konto');
	expect((await browserLike.get('/api/v1/survey-rounds')).status()).toBe(403);
	expect((await browserLike.get('/klynger', { maxRedirects: 0 })).headers()['location']).toBe(
		'/konto'
	);
	await Promise.all([api.dispose(), browserLike.dispose(), admin.dispose()]);
});
