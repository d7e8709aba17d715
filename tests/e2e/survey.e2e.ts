import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, login, tabTo } from './helpers';

/** Ticks a SurveyJS choice by its label text with the keyboard. */
async function choose(page: Page, label: string): Promise<void> {
	const input = page.locator('.sd-item').filter({ hasText: label }).first().locator('input');
	await tabTo(page, input);
	await page.keyboard.press('Space');
	await expect(input).toBeChecked();
}

async function next(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: 'Næste' }).first();
	await tabTo(page, button);
	await page.keyboard.press('Enter');
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
	const input = page
		.getByRole('spinbutton', { name: label })
		.or(page.getByRole('textbox', { name: label }))
		.first();
	await tabTo(page, input);
	await page.keyboard.press('Control+A');
	await page.keyboard.type(text);
}

test('a cluster answers through its secret link: half-way, resumed, submitted; the findings show it', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await login(page, 'analyst');
	await page.goto('/undersoegelse');
	await expectNoA11yViolations(page);
	const title = `E2E Nordjylland ${Date.now()}`;
	await page.getByLabel('Titel').fill(title);
	await page.getByRole('button', { name: 'Opret runden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(page.getByTestId('round-counts')).toContainText('12 Inviteret');
	await expectNoA11yViolations(page);

	const row = page.getByTestId('invitation-status').getByRole('row').filter({ hasText: 'MADE' });
	await row.getByRole('button', { name: /Send invitation/ }).click();
	const link =
		(await page.getByTestId('invitation-link').locator('.secret').textContent())?.trim() ?? '';
	expect(link).toMatch(/\/svar\/[a-z2-7]{40}$/);

	// A fresh browser, as the cluster's staff would have.
	const respondentContext = await browser.newContext({ locale: 'da-DK' });
	const respondent = await respondentContext.newPage();
	await respondent.goto(link);
	await expect(respondent.getByTestId('survey-form')).toHaveAttribute('data-loaded', 'true');
	await expect(respondent.getByText('Klyngers engagement i Region Nordjylland')).toBeVisible();
	await expectNoA11yViolations(respondent);
	await choose(respondent, 'Ja');
	await next(respondent);
	await choose(respondent, 'Selvstændigt fysisk kontor');
	await choose(respondent, 'Aalborg');
	await next(respondent);
	// The autosave of this very answer, not the status left by the one before it.
	const savedPartner = respondent.waitForResponse(
		(r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('"aau"')
	);
	await choose(respondent, 'Aalborg Universitet');
	expect((await savedPartner).ok()).toBe(true);
	await expect(respondent.getByTestId('save-status')).toContainText('Gemt');
	await respondentContext.close();

	await page.reload();
	await expect(
		page.getByTestId('invitation-status').getByRole('row').filter({ hasText: 'MADE' })
	).toContainText('I gang');

	// Resume in another fresh browser: the answers are there.
	const resumedContext = await browser.newContext({ locale: 'da-DK' });
	const resumed = await resumedContext.newPage();
	await resumed.goto(link);
	await expect(resumed.getByTestId('survey-form')).toHaveAttribute('data-loaded', 'true');
	await expect(
		resumed.locator('.sd-item').filter({ hasText: 'Ja' }).first().locator('input')
	).toBeChecked();
	await next(resumed);
	await expect(
		resumed.locator('.sd-item').filter({ hasText: 'Selvstændigt fysisk kontor' }).locator('input')
	).toBeChecked();
	await next(resumed);
	await expect(
		resumed.locator('.sd-item').filter({ hasText: 'Aalborg Universitet' }).locator('input')
	).toBeChecked();
	await next(resumed);
	await typeInto(resumed, 'Antal medlemmer i alt', '28');
	await typeInto(resumed, 'Heraf med over 50 ansatte', '9');
	await typeInto(resumed, 'Heraf med under 50 ansatte', '19');
	await next(resumed);
	const counts = resumed.getByRole('spinbutton', { name: 'Antal' });
	await tabTo(resumed, counts.first());
	await resumed.keyboard.type('140');
	await tabTo(resumed, counts.nth(1));
	await resumed.keyboard.type('224');
	await next(resumed);
	await choose(resumed, 'FoU-ansøgninger');
	await next(resumed);
	await choose(resumed, 'Ingen samarbejdsaftaler i Region Nordjylland');
	const submit = resumed.getByRole('button', { name: 'Indsend' }).first();
	await tabTo(resumed, submit);
	await resumed.keyboard.press('Enter');
	await expect(resumed.getByText('Tak for jeres svar.')).toBeVisible();
	await expect(resumed.getByTestId('save-status')).toContainText('Svarene er indsendt');
	await resumedContext.close();

	await page.reload();
	await expect(
		page.getByTestId('invitation-status').getByRole('row').filter({ hasText: 'MADE' })
	).toContainText('Gennemført');
	await page.getByRole('link', { name: 'Fund', exact: true }).first().click();
	await expect(page.getByText('1 af 12 inviterede klynger har gennemført surveyen')).toBeVisible();
	await expect(page.getByTestId('headlines')).toContainText('1 klynge har mindst 28 medlemmer');
	await expectNoA11yViolations(page);
});

test('a revoked link and an unknown link get a clear page, not the staff login', async ({
	page
}) => {
	const unknown = await page.goto('/svar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
	expect(unknown?.status()).toBe(404);
	await expect(page.getByText('Linket til surveyen er ikke gyldigt')).toBeVisible();

	await login(page, 'analyst');
	await page.goto('/undersoegelse/1');
	const row = page.getByTestId('invitation-status').getByRole('row').filter({ hasText: 'CLEAN' });
	await row.getByRole('button', { name: /Send/ }).click();
	const link =
		(await page.getByTestId('invitation-link').locator('.secret').textContent())?.trim() ?? '';
	await page
		.getByTestId('invitation-status')
		.getByRole('row')
		.filter({ hasText: 'CLEAN' })
		.getByRole('button', { name: /Træk links tilbage/ })
		.click();
	const revoked = await page.context().request.get(link);
	expect(revoked.status()).toBe(410);
	expect(await revoked.text()).toContain('Linket til surveyen er trukket tilbage');
});

test('findings page for viewers: charts and maps without the per-cluster table', async ({
	page
}) => {
	await login(page, 'viewer');
	await page.goto('/fund/1');
	await expect(page.getByTestId('demo-notice')).toBeVisible();
	await expect(page.getByTestId('headlines')).toContainText(
		'Mindst 1.740 unikke virksomheder fra 10 klynger'
	);
	await expect(page.getByTestId('chart-municipalAgreements')).toContainText(
		'7 samarbejdsaftaler med 5 kommuner'
	);
	await expect(page.getByTestId('per-cluster')).toHaveCount(0);
	expect(
		await page
			.getByTestId('map-municipalAgreements')
			.locator('path[ecmeta_series_index="0"]')
			.count()
	).toBe(11);
	await expectNoA11yViolations(page);
});

test('a survey link opens nothing else: no staff pages, no API', async ({ page, browser }) => {
	await login(page, 'analyst');
	await page.goto('/undersoegelse/1');
	await page
		.getByTestId('invitation-status')
		.getByRole('row')
		.filter({ hasText: 'Vision Denmark' })
		.getByRole('button', { name: /Send/ })
		.click();
	const link =
		(await page.getByTestId('invitation-link').locator('.secret').textContent())?.trim() ?? '';
	const context = await browser.newContext();
	const respondent = await context.newPage();
	await respondent.goto(link);
	await expect(respondent.getByTestId('survey-form')).toHaveAttribute('data-loaded', 'true');
	for (const path of ['/undersoegelse', '/undersoegelse/1', '/fund/1', '/klynger']) {
		await respondent.goto(path);
		await expect(respondent).toHaveURL(/\/login/);
	}
	const api = await context.request.get('/api/v1/survey-rounds/1/findings');
	expect(api.status()).toBe(401);
	// The link's own JSON endpoints only ever touch its own cluster; a token in the header means nothing.
	const token = link.split('/').at(-1) ?? '';
	const header = await context.request.get('/api/v1/survey-rounds', {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(header.status()).toBe(401);
	await context.close();
});

test('importing through the API: bad input is refused with the field named and nothing written', async ({
	request
}) => {
	await request.post('/login', {
		form: { email: 'analyst@e2e.example.dk', password: 'e2e analyst passphrase' },
		headers: { origin: 'http://127.0.0.1:4173', accept: 'text/html' },
		maxRedirects: 0
	});
	const before = (
		(await (await request.get('/api/v1/survey-rounds')).json()) as { rounds: unknown[] }
	).rounds.length;
	const fs = await import('node:fs');
	const bad = JSON.parse(
		fs.readFileSync('tests/fixtures/survey/municipality-outside-region.json', 'utf8')
	) as unknown;
	const refused = await request.post('/api/v1/survey-rounds/import', { data: bad });
	expect(refused.status()).toBe(400);
	const body = (await refused.json()) as {
		error: { issues: { path: (string | number)[]; message: string }[] };
	};
	expect(body.error.issues).toContainEqual({
		path: ['responses', 0, 'answers', 'agreements', 'municipalities'],
		message: 'energy-cluster-denmark: Kommunekode uden for regionen: 101.'
	});
	expect(
		((await (await request.get('/api/v1/survey-rounds')).json()) as { rounds: unknown[] }).rounds
	).toHaveLength(before);
	const good = JSON.parse(fs.readFileSync('data/demo/survey-nordjylland-2023.json', 'utf8')) as {
		round: { title: string };
	};
	good.round.title = 'API import';
	const created = await request.post('/api/v1/survey-rounds/import', { data: good });
	expect(created.status()).toBe(201);
	const { roundId } = (await created.json()) as { roundId: number };
	const findings = (await (
		await request.get(`/api/v1/survey-rounds/${roundId}/findings`)
	).json()) as { members: { total: number } };
	expect(findings.members.total).toBe(375);
});

test('the old English address of the survey pages redirects to the Danish one', async ({
	request
}) => {
	const moved: [string, string][] = [
		['/survey', '/undersoegelse'],
		['/survey/1?gemt=1', '/undersoegelse/1?gemt=1'],
		['/survey/udbakke', '/undersoegelse/udbakke']
	];
	for (const [old, now] of moved) {
		const response = await request.get(old, { maxRedirects: 0 });
		expect(response.status(), old).toBe(308);
		expect(response.headers()['location'], old).toBe(now);
	}
});
