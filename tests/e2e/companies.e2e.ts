import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { withCheckDigit } from '../../src/lib/domain/companies/cvr';
import { expectNoA11yViolations, login, signedInRequest } from './helpers';

const fixture = (name: string) => `tests/fixtures/imports/${name}`;

/** The n-th CVR number with a valid check digit from `from` on (synthetic, not in the register). */
function cvrFor(from: number): string {
	for (let n = from; ; n += 1) {
		const cvr = withCheckDigit(String(n));
		if (cvr) return cvr;
	}
}

test('a member list: register first, columns mapped, two unmatched rows reviewed, counts and map', async ({
	page
}) => {
	test.setTimeout(120_000);
	await login(page, 'analyst');
	await page.goto('/virksomheder?region=1081');
	await expectNoA11yViolations(page);

	// The register extract, so companies have addresses.
	const upload = page.getByTestId('upload-form');
	await upload.getByLabel('Hvad er filen?').selectOption('register');
	await upload.getByLabel('Fil (CSV eller XLSX)').setInputFiles(fixture('register.csv'));
	await upload.getByRole('button', { name: 'Indlæs' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: '12 af 12 rækker indlæst' })
	).toBeVisible();

	// A list whose headers are not recognised: refused, the column mapping opens.
	await upload.getByLabel('Hvad er filen?').selectOption('members');
	await upload.getByLabel('Klynge').selectOption('made');
	await upload.getByLabel('År').fill('2023');
	await upload
		.getByLabel('Fil (CSV eller XLSX)')
		.setInputFiles(fixture('members-made-mapping.csv'));
	await upload.getByRole('button', { name: 'Indlæs' }).click();
	await expect(page.getByTestId('form-errors')).toContainText('Filen mangler en kolonne med');
	await expectNoA11yViolations(page);
	await upload.getByLabel('Kolonne for CVR-nummer').fill('Firmaets nummer');
	await upload.getByLabel('Kolonne for navn').fill('Firma');
	await upload.getByLabel('Klynge').selectOption('made');
	await upload
		.getByLabel('Fil (CSV eller XLSX)')
		.setInputFiles(fixture('members-made-mapping.csv'));
	await upload.getByRole('button', { name: 'Indlæs' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: '3 af 5 rækker indlæst; 2 til gennemsyn' })
	).toBeVisible();

	// Review: the suggested match is confirmed, the unknown smithy rejected.
	const review = page.getByTestId('review');
	await expect(review.getByLabel('CVR-nummer for Nordjysk Stål ApS')).toHaveValue('70049325');
	await review
		.locator('li', { hasText: 'Nordjysk Stål ApS' })
		.getByRole('button', { name: 'Bekræft' })
		.click();
	await expect(page.getByTestId('review').locator('li')).toHaveCount(1);
	await page
		.getByTestId('review')
		.locator('li', { hasText: 'Ukendt Smedie' })
		.getByRole('button', { name: 'Afvis' })
		.click();
	await expect(page.getByText('Ingen rækker venter på gennemsyn.')).toBeVisible();

	// Counts and map: Aalborg Vind, Aalborg Lyd and Nordjysk Stål in Aalborg; one in Frederikshavn.
	await expect(page.getByTestId('unique-companies')).toContainText('4 unikke virksomheder');
	await expect(
		page.getByTestId('by-municipality').getByRole('row', { name: /Aalborg/ })
	).toContainText('3');
	await expect(page.locator('figure svg')).toBeVisible();
	await expectNoA11yViolations(page);
});

test('an XLSX list: a zip bomb refused, a workbook read; a 1,150,000-row list with its progress', async ({
	page
}, testInfo) => {
	test.setTimeout(180_000);
	await login(page, 'analyst');
	// Choices made before the page has hydrated would be reset by it.
	await page.goto('/virksomheder?region=1081', { waitUntil: 'networkidle' });
	const upload = page.getByTestId('upload-form');
	const chooseList = async (cluster: string, year: string) => {
		await upload.getByLabel('Hvad er filen?').selectOption('members');
		await upload.getByLabel('Klynge').selectOption(cluster);
		await upload.getByLabel('År').fill(year);
	};

	await chooseList('digitallead', '2019');
	await upload
		.getByLabel('Fil (CSV eller XLSX)')
		.setInputFiles(fixture('bad/xlsx/members-zip-bomb.xlsx'));
	await upload.getByRole('button', { name: 'Indlæs' }).click();
	await expect(page.getByTestId('form-errors')).toContainText('Filen pakker sig ud til');
	await page.waitForLoadState('networkidle');

	await chooseList('digitallead', '2019');
	await upload.getByLabel('Fil (CSV eller XLSX)').setInputFiles(fixture('members-xlsx-2023.xlsx'));
	await upload.getByRole('button', { name: 'Indlæs' }).click();
	await expect(page.getByRole('status').filter({ hasText: '5 af 5 rækker indlæst' })).toBeVisible();
	await page.waitForLoadState('networkidle');

	// A large list through the page: 1,150,000 rows, 10 MB (under the default upload limit of
	// 12 MB). The page asks the server how far the import has come while it is read.
	const rows = ['cvr'];
	for (let n = 0; n < 1_150_000; n++) rows.push(cvrFor(4_000_000 + n));
	const big = testInfo.outputPath('participants-1150k.csv');
	writeFileSync(big, `${rows.join('\n')}\n`);
	await upload.getByLabel('Hvad er filen?').selectOption('participants');
	await upload.getByLabel('Klynge').selectOption('digitallead');
	await upload.getByLabel('År').fill('2019');
	await upload.getByLabel('Fil (CSV eller XLSX)').setInputFiles(big);
	await upload.getByRole('button', { name: 'Indlæs' }).click();
	await expect(upload.getByRole('status')).toContainText(/Indlæser 9,\d MB/);
	await expect(upload.getByRole('status')).toContainText(/\d+ rækker læst, \d+ % af filen/, {
		timeout: 30_000
	});
	await expect(
		page.getByRole('status').filter({ hasText: '1.150.000 af 1.150.000 rækker indlæst' })
	).toBeVisible({ timeout: 120_000 });
	await expectNoA11yViolations(page);
});

test('viewers see the counts without the upload and review', async ({ page }) => {
	await login(page, 'viewer');
	await page.goto('/virksomheder?region=1081');
	await expect(page.getByTestId('unique-companies')).toBeVisible();
	await expect(page.getByTestId('upload-form')).toHaveCount(0);
	await expectNoA11yViolations(page);
});

test('API: a list as text/csv, refused rows by line, and the stats', async ({ request }) => {
	const api = await signedInRequest(request, 'analyst');
	const bad = await api.post('/api/v1/imports?kind=register&filename=bad.csv', {
		headers: { 'content-type': 'text/csv' },
		data: readFileSync(fixture('bad/register-bad-cvr.csv'))
	});
	expect(bad.status()).toBe(400);
	expect(JSON.stringify(await bad.json())).toContain('Linje 3');
	const ok = await api.post('/api/v1/imports?kind=participants&cluster=made&year=2024', {
		headers: { 'content-type': 'text/csv' },
		data: 'cvr\n70024667\n'
	});
	expect(ok.status()).toBe(201);
	expect(await ok.json()).toMatchObject({ rowsAccepted: 1, kind: 'participants' });
	const stats = (await (await api.get('/api/v1/companies/stats?region=1081&year=2024')).json()) as {
		uniqueCompanies: number;
		byMunicipality: Record<string, number>;
	};
	expect(stats.uniqueCompanies).toBe(1);
	expect(stats.byMunicipality['773']).toBe(1);
	const workbook = await api.post(
		'/api/v1/imports?kind=members&cluster=made&year=2018&filename=members.xlsx',
		{
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			},
			data: readFileSync(fixture('members-xlsx-2023.xlsx'))
		}
	);
	expect(workbook.status()).toBe(201);
	// The upload page's progress question: nothing under a token no upload of this user has.
	const progress = await api.get(
		'/virksomheder/fremdrift?token=0f7c2a9e-3b1d-4c5e-8f6a-2d9b7e1c4a30'
	);
	expect(await progress.json()).toEqual({ progress: null });
	expect(await workbook.json()).toMatchObject({ format: 'xlsx', rowsAccepted: 5 });
	const viewer = await signedInRequest(request, 'viewer');
	expect(
		(
			await viewer.post('/api/v1/imports?kind=register', {
				headers: { 'content-type': 'text/csv' },
				data: 'cvr;navn\n'
			})
		).status()
	).toBe(403);
});
