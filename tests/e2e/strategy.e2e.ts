import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login, signedInRequest, tabTo } from './helpers';

test('open the fit matrix, a breakdown, a what-if, and accept a recommendation with a note – keyboard only', async ({
	page
}) => {
	test.setTimeout(120_000);
	await login(page, 'analyst');
	await page.goto('/strategi/match?region=1081');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Klyngernes match med strategien – Region Nordjylland'
	);
	await expect(page.getByTestId('heatmap').locator('svg')).toBeVisible();
	await expect(page.getByTestId('fit-table').locator('tbody tr')).toHaveCount(12);
	await expect(page.getByTestId('provenance')).toContainText('12 af 12 klynger gennemført');
	await expect(page.getByTestId('example-notice')).toBeVisible();
	await expectNoA11yViolations(page);

	// Open the breakdown behind one cell.
	await tabTo(page, page.getByTestId('cell-energy-cluster-denmark-green-circular'));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/cluster=energy-cluster-denmark&effort=green-circular/);
	const breakdown = page.getByTestId('breakdown');
	await expect(breakdown.getByRole('heading', { level: 2 })).toHaveText(
		'Hvorfor 76? ECD og Grøn og cirkulær omstilling'
	);
	await expect(breakdown.getByRole('heading', { level: 2 })).toBeFocused();
	await expect(breakdown).toContainText('Eget kontor i regionen (Aalborg)');
	await expect(breakdown.getByRole('link', { name: 'Se surveysvaret' }).first()).toHaveAttribute(
		'href',
		/^\/fund\/\d+#cluster-energy-cluster-denmark$/
	);
	await expectNoA11yViolations(page);

	// What if only the thematic match counted? Nothing is saved.
	const weights: [string, string][] = [
		['Tematisk match', '100'],
		['Tilstedeværelse i regionen', '0'],
		['Rækkevidde i regionen', '0'],
		['Partnere og aftaler', '0'],
		['Modenhed', '0']
	];
	const whatIf = page.getByTestId('whatif-form');
	for (const [label, value] of weights) {
		await tabTo(page, whatIf.getByLabel(label, { exact: true }));
		await page.keyboard.press('Control+A');
		await page.keyboard.type(value);
	}
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/thematic=100/);
	await expect(page.getByTestId('whatif-notice')).toBeVisible();
	await expect(
		page.getByTestId('fit-table').locator('[data-testid^="move-"]').first()
	).toBeVisible();
	await expectNoA11yViolations(page);
	const saved = (await (await page.request.get('/api/v1/strategies/1081')).json()) as {
		version: { version: number; weights: Record<string, number> };
	};
	expect(saved.version).toMatchObject({ version: 1, weights: { thematic: 40, presence: 20 } });

	// Recommendations: accepting needs a note; with one, the decision is kept with author and date.
	await tabTo(page, page.getByRole('link', { name: 'Anbefalinger', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Anbefalede samarbejdsmodeller'
	);
	await expectNoA11yViolations(page);
	const ecd = page.getByTestId('rec-energy-cluster-denmark');
	await expect(ecd).toContainText('Klyngen har kontor i Aalborg');
	await expect(ecd).toContainText("→ Rammeaftale med mål og KPI'er");
	await tabTo(page, ecd.getByText('Beslut for ECD'));
	await page.keyboard.press('Enter');
	await tabTo(page, ecd.getByLabel('Note til beslutningen'));
	await page.keyboard.type('ok');
	await tabTo(page, ecd.getByRole('button', { name: 'Gem beslutningen' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('form-errors')).toContainText('Note til beslutningen');
	const note = page.getByTestId('rec-energy-cluster-denmark').getByLabel('Note til beslutningen');
	await tabTo(page, note);
	await page.keyboard.press('Control+A');
	await page.keyboard.type('Drøftet i direktionen: rammeaftale fra 2027.');
	await tabTo(
		page,
		page.getByTestId('rec-energy-cluster-denmark').getByRole('button', { name: 'Gem beslutningen' })
	);
	await page.keyboard.press('Enter');
	const decision = page.getByTestId('rec-energy-cluster-denmark').getByTestId('decision');
	await expect(decision).toContainText("Accepteret: Rammeaftale med mål og KPI'er");
	await expect(decision).toContainText('Drøftet i direktionen: rammeaftale fra 2027.');
	await expect(decision).toContainText('analyst@e2e.example.dk');
	await expectNoA11yViolations(page);

	// The portfolio now counts the energy cluster for the green transition.
	await tabTo(page, page.getByRole('link', { name: 'Portefølje', exact: true }));
	await page.keyboard.press('Enter');
	const green = page
		.getByTestId('portfolio')
		.getByRole('row', { name: /Grøn og cirkulær omstilling/ });
	await expect(green).toContainText("ECD – Rammeaftale med mål og KPI'er");
	await expect(page.getByTestId('new-areas')).toContainText('Maritime erhverv og logistik');
	await expectNoA11yViolations(page);
});

test('the strategy and the model catalogue are readable by viewers, without edit controls', async ({
	page
}) => {
	await login(page, 'viewer');
	await page.goto('/strategi');
	await expect(page.getByTestId('example-notice')).toBeVisible();
	await expect(page.getByTestId('efforts').locator('li')).toHaveCount(6);
	await expect(page.getByText('Ret visionen')).toHaveCount(0);
	await expectNoA11yViolations(page);
	await page.goto('/strategi/match?region=1081&cluster=made&effort=digitalisation');
	await expect(page.getByTestId('breakdown')).toBeVisible();
	await expect(page.getByText('Overstyr dette felt')).toHaveCount(0);
	await page.goto('/strategi/anbefalinger?region=1081');
	await expect(page.getByText('Beslut for ECD')).toHaveCount(0);
	await page.goto('/strategi/modeller');
	await expect(page.getByTestId('models').locator('li.card')).toHaveCount(7);
	await expectNoA11yViolations(page);
	await page.goto('/strategi/modeller/joint-hub');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Fælles regional hub');
	await expectNoA11yViolations(page);
});

test('an analyst edits an effort: a bad one is refused with the field named, a good one becomes version 2', async ({
	page
}) => {
	await login(page, 'analyst');
	await page.goto('/strategi?region=1081');
	await expectNoA11yViolations(page);
	const add = page.locator('summary', { hasText: 'Tilføj en indsats' });
	await tabTo(page, add);
	await page.keyboard.press('Enter');
	const form = () =>
		page.locator('details.panel', {
			has: page.locator('summary', { hasText: 'Tilføj en indsats' })
		});
	await tabTo(page, form().getByLabel('Titel (dansk)'));
	await page.keyboard.type('Det blå Nordjylland');
	await tabTo(page, form().getByLabel('Nøgleord'));
	await page.keyboard.type('maritim, x');
	await tabTo(page, form().getByRole('button', { name: 'Tilføj en indsats' }));
	await page.keyboard.press('Enter');
	const errors = page.getByTestId('form-errors');
	await expect(errors).toContainText('Nøgleord');
	await expect(form().getByLabel('Titel (dansk)')).toHaveValue('Det blå Nordjylland');
	await expect(page.getByTestId('efforts').locator('li')).toHaveCount(6);
	await tabTo(page, form().getByLabel('Nøgleord'));
	await page.keyboard.press('Control+A');
	await page.keyboard.type('maritim, havn');
	await tabTo(page, form().getByRole('button', { name: 'Tilføj en indsats' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('Gemt som ny version');
	await expect(page.getByTestId('efforts').locator('li')).toHaveCount(7);
	await expect(page.getByTestId('example-notice')).toHaveCount(0);
	await expect(page.getByTestId('version-line')).toContainText('Version 2');
	await expect(page.getByTestId('versions').locator('tbody tr')).toHaveCount(2);
	await expectNoA11yViolations(page);
});

test('the strategy, fit and recommendations API answer viewers with provenance, and refuse bad input clearly', async ({
	request
}) => {
	const api = await signedInRequest(request, 'viewer');
	const strategy = await api.get('/api/v1/strategies/1081');
	expect(strategy.status()).toBe(200);
	expect(await strategy.json()).toMatchObject({
		format: 'klyngeradar/strategy@1',
		region: { code: '1081', name: 'Region Nordjylland' },
		version: { efforts: expect.any(Array), weights: { thematic: 40 } }
	});
	const fit = (await (await api.get('/api/v1/strategies/1081/fit')).json()) as {
		provenance: { source: string; survey: { n: number; N: number } };
		cells: { criteria: { evidence: string[] }[] }[];
	};
	expect(fit.provenance).toMatchObject({ source: 'derived', survey: { n: 12, N: 12 } });
	expect(fit.cells[0]?.criteria[0]?.evidence.length).toBeGreaterThan(0);
	const recommendations = (await (await api.get('/api/v1/recommendations?region=1081')).json()) as {
		items: { cluster: string; options: { model: string }[] }[];
	};
	expect(
		recommendations.items.find((i) => i.cluster === 'energy-cluster-denmark')?.options[0]?.model
	).toBe('framework-agreement');
	const missing = await api.get('/api/v1/recommendations');
	expect(missing.status()).toBe(400);
	expect(
		((await missing.json()) as { error: { issues: { path: string[] }[] } }).error.issues[0]?.path
	).toEqual(['region']);
	const none = await api.get('/api/v1/strategies/1085/fit');
	expect(none.status()).toBe(404);
	expect(((await none.json()) as { error: { message: string } }).error.message).toBe(
		'Region Sjælland har ingen strategi endnu.'
	);
	const openapi = (await (await api.get('/api/v1/openapi.json')).json()) as {
		paths: Record<string, unknown>;
	};
	expect(Object.keys(openapi.paths)).toEqual(
		expect.arrayContaining([
			'/api/v1/strategies/{region}',
			'/api/v1/strategies/{region}/fit',
			'/api/v1/recommendations'
		])
	);
});
