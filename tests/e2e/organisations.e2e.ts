/**
 * A second region's organisation works the same way, in the browser: the admin switches to
 * Syddanmark (demodata) in the header, runs a round for Region Syddanmark with that region's
 * actors and municipalities (invite → answer → findings → close and publish → deck), and back in
 * North Jutland's organisation none of it is there but the published aggregates.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

async function switchTo(page: Page, name: string): Promise<void> {
	const switcher = page.getByTestId('organisation-switch');
	await switcher.getByLabel('Organisation').selectOption({ label: name });
	await switcher.getByRole('button', { name: 'Skift' }).click();
	await expect(switcher.getByLabel('Organisation')).toHaveValue(
		name.startsWith('Syddanmark') ? 'syddanmark-demo' : 'brn'
	);
}

async function choose(page: Page, label: string): Promise<void> {
	const item = page.locator('.sd-item').filter({ hasText: label }).first();
	await item.locator('label').first().click();
	await expect(item.locator('input')).toBeChecked();
}

async function next(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Næste' }).first().click();
}

test('a round for a second region, end to end, in its own organisation', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	await login(page, 'admin');
	await switchTo(page, 'Syddanmark (demodata)');
	await expectNoA11yViolations(page);

	// Its own rounds only: the demo round of Syddanmark, not North Jutland's.
	await page.goto('/undersoegelse');
	await expect(page.getByText('Syddanmark 2024 (demodata)')).toBeVisible();
	await expect(page.getByText('Nordjylland 2023 (demodata)')).toHaveCount(0);
	const title = `E2E Syddanmark ${Date.now()}`;
	await expect(page.getByLabel('Region', { exact: true })).toHaveValue('1083');
	await page.getByLabel('Titel').fill(title);
	await page.getByRole('button', { name: 'Opret runden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	const roundPage = new URL(page.url()).pathname;

	const row = page.getByTestId('invitation-status').getByRole('row').filter({ hasText: 'MADE' });
	await row.getByRole('button', { name: /Send invitation/ }).click();
	const link =
		(await page.getByTestId('invitation-link').locator('.secret').textContent())?.trim() ?? '';
	expect(link).toMatch(/\/svar\/[a-z2-7]{40}$/);

	const respondentContext = await browser.newContext({ locale: 'da-DK' });
	const respondent = await respondentContext.newPage();
	await respondent.goto(link);
	await expect(respondent.getByTestId('survey-form')).toHaveAttribute('data-loaded', 'true');
	await expect(respondent.getByText('Klyngers engagement i Region Syddanmark')).toBeVisible();
	await choose(respondent, 'Ja');
	await next(respondent);
	// Region Syddanmark's own actors and municipalities, none of North Jutland's.
	await expect(respondent.getByText('Aalborg Universitet')).toHaveCount(0);
	await choose(respondent, 'Selvstændigt fysisk kontor');
	await choose(respondent, 'Odense');
	await next(respondent);
	await choose(respondent, 'Syddansk Universitet');
	await next(respondent);
	await respondent.getByRole('spinbutton', { name: 'Antal medlemmer i alt' }).fill('41');
	await respondent.getByRole('spinbutton', { name: 'Heraf med over 50 ansatte' }).fill('11');
	await respondent.getByRole('spinbutton', { name: 'Heraf med under 50 ansatte' }).fill('30');
	await next(respondent);
	await respondent.getByRole('spinbutton', { name: 'Antal' }).first().fill('150');
	await respondent.getByRole('spinbutton', { name: 'Antal' }).nth(1).fill('300');
	await next(respondent);
	await choose(respondent, 'FoU-ansøgninger');
	await next(respondent);
	await choose(respondent, 'Ingen samarbejdsaftaler i Region Syddanmark');
	await respondent.getByRole('button', { name: 'Indsend' }).first().click();
	await expect(respondent.getByText('Tak for jeres svar.')).toBeVisible();
	await respondentContext.close();

	await page.reload();
	await page.getByRole('link', { name: 'Fund', exact: true }).first().click();
	await expect(page.getByText(/1 af \d+ inviterede klynger har gennemført surveyen/)).toBeVisible();
	await expect(page.getByTestId('headlines')).toContainText('41 medlemmer');

	// Closed and published to the national view, at the round's page.
	await page.goto(roundPage);
	await expect(page.getByTestId('round-publication')).toContainText('Ikke offentliggjort');
	await page.getByRole('button', { name: 'Luk runden' }).click();
	await page.getByRole('button', { name: 'Offentliggør i det nationale overblik' }).click();
	await expect(page.getByTestId('round-publication')).toContainText('Offentliggjort');

	// A deck of the round, presented by the organisation itself.
	await page.goto('/praesentationer/ny');
	await page.getByLabel('Titel', { exact: true }).fill('Bestyrelsesmøde i Syddanmark');
	await page.getByLabel('Mødedato').fill('2027-02-01');
	await expect(page.getByLabel('Region', { exact: true })).toHaveValue('1083');
	const round = page.getByLabel('Spørgeskemarunde');
	const value = await round.locator('option', { hasText: title }).getAttribute('value');
	await round.selectOption(value ?? '');
	await page.getByLabel('Dagsorden').fill('Velkomst\nResultater');
	await page.getByRole('button', { name: 'Opret møde og tag øjebliksbillede' }).click();
	await expect(page).toHaveURL(/\/praesentationer\/\d+$/);
	const [pptx] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('download-pptx').click()
	]);
	expect(pptx.suggestedFilename()).toMatch(/region-syddanmark\.pptx$/);
	const zip = await JSZip.loadAsync(readFileSync(await pptx.path()));
	const slides = await Promise.all(
		Object.keys(zip.files)
			.filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
			.map((name) => zip.file(name)?.async('string') ?? Promise.resolve(''))
	);
	const text = slides.join('');
	expect(text).toContain('Syddanmark (demodata)');
	expect(text).toContain('Region Syddanmark');
	expect(text).not.toContain('Aalborg');

	// Back in North Jutland's organisation, none of it is there.
	await switchTo(page, 'Business Region North Denmark');
	await page.goto('/undersoegelse');
	await expect(page.getByText('Nordjylland 2023 (demodata)')).toBeVisible();
	await expect(page.getByText(title)).toHaveCount(0);
	await page.goto('/praesentationer');
	await expect(page.getByText('Bestyrelsesmøde i Syddanmark')).toHaveCount(0);

	// The national view, from North Jutland's side: Syddanmark's published round, aggregates.
	await page.goto('/nationalt');
	const coverage = page.getByTestId('national-coverage');
	await expect(coverage).toContainText(title);
	await expect(coverage).toContainText('Syddanmark (demodata)');
	await expect(page.getByTestId('national-matrix')).toContainText('Region Syddanmark');
	await expect(page.getByTestId('national-map').locator('svg')).toBeVisible();
	await expectNoA11yViolations(page);
});
