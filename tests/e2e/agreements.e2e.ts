import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login, signedInRequest, tabTo } from './helpers';

test('an agreement from a recommendation: bad budget refused, goal, manual and automatic KPI, measurement, light and dashboard – keyboard only', async ({
	page
}) => {
	test.setTimeout(150_000);
	await login(page, 'analyst');

	// Accept the recommendation for the life-science cluster, then draft the agreement from it.
	await page.goto('/strategi/anbefalinger?region=1081');
	const card = page.getByTestId('rec-danish-life-science-cluster');
	await tabTo(page, card.getByText('Beslut for DLSC'));
	await page.keyboard.press('Enter');
	await tabTo(page, card.getByLabel('Note til beslutningen'));
	await page.keyboard.type('Vi starter en rammeaftale i 2027.');
	await tabTo(page, card.getByRole('button', { name: 'Gem beslutningen' }));
	await page.keyboard.press('Enter');
	await tabTo(
		page,
		page
			.getByTestId('rec-danish-life-science-cluster')
			.getByRole('link', { name: 'Opret en aftale ud fra beslutningen' })
	);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/aftaler\/ny\?/);
	await expect(page.getByTestId('from-decision')).toBeVisible();
	await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(
		/Rammeaftale med mål og KPI'er – DLSC/
	);
	await expect(page.getByRole('group', { name: 'Kommuner' }).getByLabel('Aalborg')).toBeChecked();
	await expectNoA11yViolations(page);

	// A negative amount is refused with the row and field named, and nothing is saved.
	await tabTo(page, page.getByLabel('Budget, række 1: Part'));
	await page.keyboard.type('Business Region');
	await tabTo(page, page.getByLabel('Budget, række 1: År'));
	await page.keyboard.type('2027');
	await tabTo(page, page.getByLabel('Budget, række 1: Beløb (kr.)'));
	await page.keyboard.type('-5');
	await tabTo(page, page.getByRole('button', { name: 'Opret aftalen' }));
	await page.keyboard.press('Enter');
	const errors = page.getByTestId('form-errors');
	await expect(errors).toContainText('Budget, række 1: Beløb (kr.)');
	await expect(page.getByLabel('Budget, række 1: År')).toHaveValue('2027');
	await expectNoA11yViolations(page);
	await tabTo(page, page.getByLabel('Budget, række 1: Beløb (kr.)'));
	await page.keyboard.press('Control+A');
	await page.keyboard.type('250.000');
	await tabTo(page, page.getByRole('button', { name: 'Opret aftalen' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/aftaler\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('DLSC');
	await expect(page.getByTestId('budget')).toContainText('250.000 kr.');
	await expectNoA11yViolations(page);

	// A goal, then a manual KPI and an automatic one.
	await tabTo(page, page.locator('summary', { hasText: 'Tilføj et mål' }));
	await page.keyboard.press('Enter');
	await tabTo(page, page.getByLabel('Mål', { exact: true }));
	await page.keyboard.type('Flere virksomheder i life science-projekter');
	await page.keyboard.press('Enter');
	const goal = page.locator('[data-testid^="goal-"]', {
		hasText: 'Flere virksomheder i life science-projekter'
	});
	await expect(goal).toBeVisible();

	const addKpi = async (values: [string, string][], source?: string) => {
		await tabTo(page, goal.locator('summary', { hasText: 'Tilføj en KPI' }));
		await page.keyboard.press('Enter');
		for (const [label, value] of values) {
			const field = goal.getByLabel(label, { exact: true });
			await tabTo(page, field);
			// A date field's segment order follows the browser's locale; the value is set as typed ISO.
			if (label === 'Frist') await field.fill(value);
			else await page.keyboard.type(value);
		}
		if (source) {
			await tabTo(page, goal.getByLabel('Kilde', { exact: true }));
			await page.keyboard.type(source);
		}
		await tabTo(page, goal.getByRole('button', { name: "Tilføj KPI'en" }));
		await page.keyboard.press('Enter');
	};
	await addKpi([
		['KPI', 'Virksomheder i projekter'],
		['Enhed', 'virksomheder'],
		['Udgangspunkt', '5'],
		['Målværdi', '20'],
		['Frist', '2030-12-31']
	]);
	await expect(goal.getByRole('region', { name: 'Virksomheder i projekter' })).toBeVisible();
	await addKpi(
		[
			['KPI', 'Medlemmer i regionen'],
			['Enhed', 'medlemmer'],
			['Udgangspunkt', '30'],
			['Målværdi', '60'],
			['Frist', '2030-12-31']
		],
		'Automatisk: medlemmer'
	);
	const automatic = goal.locator('section.kpi', { hasText: 'Medlemmer i regionen' });
	await expect(automatic).toContainText('Automatisk: medlemmer i regionen (survey)');
	// A real agreement never reads demo rounds: until the cluster answers a real round, no data.
	await expect(automatic.getByTestId('kpi-light')).toHaveAttribute('data-status', 'no-data');
	await expect(automatic).toContainText('demorunder tæller kun for demoaftaler');

	// Record a measurement of the manual KPI and see its light.
	const manual = goal.locator('section.kpi', { hasText: 'Virksomheder i projekter' });
	await expect(manual.getByTestId('kpi-light')).toHaveAttribute('data-status', 'no-data');
	await tabTo(page, manual.locator('summary', { hasText: 'Registrér en måling' }));
	await page.keyboard.press('Enter');
	await tabTo(page, manual.getByLabel('Værdi', { exact: true }));
	await page.keyboard.type('7');
	await tabTo(page, manual.getByRole('button', { name: 'Gem målingen' }));
	await page.keyboard.press('Enter');
	const light = page
		.locator('section.kpi', { hasText: 'Virksomheder i projekter' })
		.getByTestId('kpi-light');
	await expect(light).toHaveAttribute('data-status', 'on-track');
	await expect(light).toContainText('På sporet');
	await expectNoA11yViolations(page);

	// The municipality dashboard counts the new agreement in Aalborg.
	await page.goto('/aftaler?region=1081');
	await tabTo(
		page,
		page
			.getByRole('navigation', { name: 'Aftaler og opfølgning' })
			.getByRole('link', { name: 'Overblik' })
	);
	await page.keyboard.press('Enter');
	const aalborg = page.getByTestId('by-municipality').getByRole('row', { name: /Aalborg/ });
	await expect(aalborg.locator('td').first()).toHaveText('2');
	await expect(page.getByTestId('agreements-map').locator('svg')).toBeVisible();
	await expectNoA11yViolations(page);
});

test('documents: a PDF is attached and downloadable, a disguised text file is refused', async ({
	page
}) => {
	await login(page, 'analyst');
	await page.goto('/aftaler/1');
	const input = page.getByLabel('Fil', { exact: true });
	await input.setInputFiles({
		name: 'noter.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('bare tekst')
	});
	await tabTo(page, page.getByRole('button', { name: 'Vedhæft' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('form-errors')).toContainText('Filtypen er ikke tilladt');
	await expect(page.getByTestId('documents').locator('li')).toHaveCount(0);
	const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
	await page.getByLabel('Fil', { exact: true }).setInputFiles({
		name: 'Aftale om grøn omstilling.pdf',
		mimeType: 'application/pdf',
		buffer: pdf
	});
	await tabTo(page, page.getByRole('button', { name: 'Vedhæft' }));
	await page.keyboard.press('Enter');
	const link = page
		.getByTestId('documents')
		.getByRole('link', { name: 'Aftale om grøn omstilling.pdf' });
	await expect(link).toBeVisible();
	await tabTo(page, link);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.keyboard.press('Enter')
	]);
	expect(download.suggestedFilename()).toBe('Aftale om grøn omstilling.pdf');
	await expectNoA11yViolations(page);
});

test('viewers read agreements and the follow-up, without edit controls', async ({ page }) => {
	await login(page, 'viewer');
	await page.goto('/aftaler');
	await expect(page.getByTestId('agreements')).toContainText('demodata');
	await expect(page.getByRole('link', { name: 'Ny aftale' })).toHaveCount(0);
	await page.goto('/aftaler/1');
	await expect(page.getByRole('link', { name: 'Ret aftalen' })).toHaveCount(0);
	await expect(page.getByText('Tilføj et mål')).toHaveCount(0);
	await page.goto('/aftaler/opfoelgning');
	await expect(page.getByRole('button', { name: 'Send påmindelser nu' })).toHaveCount(0);
	await expectNoA11yViolations(page);
});

test('the agreements API: bad input is refused by field, a stale version by 409, KPIs and measurements go in', async ({
	request
}) => {
	const api = await signedInRequest(request, 'analyst');
	const body = {
		region: '1081',
		title: 'API-aftale med MADE',
		cluster: 'made',
		parties: ['brn'],
		municipalities: ['851'],
		startsOn: '2027-01-01',
		endsOn: '2027-12-31',
		status: 'active',
		budget: [{ party: 'brn', year: 2027, amountDkk: 100000 }]
	};
	const before = (
		(await (await api.get('/api/v1/agreements?region=1081')).json()) as { agreements: unknown[] }
	).agreements.length;
	const reversed = await api.post('/api/v1/agreements', {
		data: { ...body, startsOn: '2028-01-01' }
	});
	expect(reversed.status()).toBe(400);
	expect(
		((await reversed.json()) as { error: { issues: { path: string[]; message: string }[] } }).error
			.issues
	).toContainEqual({
		path: ['endsOn'],
		message: 'Slutdatoen ligger før startdatoen.'
	});
	const unknown = await api.post('/api/v1/agreements', {
		data: { ...body, municipalities: ['999'] }
	});
	expect(unknown.status()).toBe(400);
	expect(
		((await (await api.get('/api/v1/agreements?region=1081')).json()) as { agreements: unknown[] })
			.agreements
	).toHaveLength(before);

	const created = await api.post('/api/v1/agreements', { data: body });
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: number };
	const patched = await api.patch(`/api/v1/agreements/${id}`, {
		data: { ...body, title: 'Ny titel', version: 1 }
	});
	expect(patched.status()).toBe(200);
	const stale = await api.patch(`/api/v1/agreements/${id}`, {
		data: { ...body, title: 'Gammel titel', version: 1 }
	});
	expect(stale.status()).toBe(409);

	const goal = (await (
		await api.post(`/api/v1/agreements/${id}/goals`, { data: { title: 'Projekter' } })
	).json()) as { id: number };
	const kpi = (await (
		await api.post(`/api/v1/agreements/${id}/goals/${goal.id}/kpis`, {
			data: {
				name: 'Projekter',
				unit: 'projekter',
				baseline: 0,
				target: 4,
				dueOn: '2027-12-31',
				frequency: 'quarterly'
			}
		})
	).json()) as { id: number };
	const measured = await api.post(`/api/v1/agreements/${id}/kpis/${kpi.id}/measurements`, {
		data: { measuredOn: '2027-07-01', value: 3 }
	});
	expect(measured.status()).toBe(201);
	const detail = (await (await api.get(`/api/v1/agreements/${id}`)).json()) as {
		title: string;
		version: number;
		kpiStatus: string;
		goals: {
			kpis: { status: string; measurements: { value: number; provenance: { kind: string } }[] }[];
		}[];
	};
	expect(detail).toMatchObject({ title: 'Ny titel', version: 2, kpiStatus: 'on-track' });
	expect(detail.goals[0]?.kpis[0]?.measurements[0]).toMatchObject({
		value: 3,
		provenance: { kind: 'manual' }
	});
	expect((await api.delete(`/api/v1/agreements/${id}`)).status()).toBe(204);
});
