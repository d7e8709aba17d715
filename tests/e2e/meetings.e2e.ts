import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login, signedInRequest, tabTo } from './helpers';

test('a meeting: created with a bad agenda line refused, a dialogue question edited, both decks downloaded', async ({
	page
}) => {
	test.setTimeout(150_000);
	await login(page, 'analyst');
	await page.goto('/praesentationer');
	await expect(page.getByTestId('meetings')).toContainText('Demodata');
	await expectNoA11yViolations(page);
	await tabTo(page, page.getByRole('link', { name: 'Nyt møde' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/praesentationer\/ny$/);

	await tabTo(page, page.getByLabel('Titel', { exact: true }));
	await page.keyboard.type('Direktionsmøde om klyngerne');
	await page.getByLabel('Målgruppe').selectOption('management');
	await page.getByLabel('Mødedato').fill('2027-01-14');
	await tabTo(page, page.getByLabel('Dagsorden'));
	await page.keyboard.type('Velkomst');
	await page.keyboard.press('Enter');
	await page.keyboard.type('x');
	await tabTo(page, page.getByRole('button', { name: 'Opret møde og tag øjebliksbillede' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('form-errors')).toContainText('Linje 2');
	await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(
		'Direktionsmøde om klyngerne'
	);
	await expectNoA11yViolations(page);

	await page.getByLabel('Dagsorden').fill('Velkomst\nResultater og anbefalinger');
	await page.getByRole('button', { name: 'Opret møde og tag øjebliksbillede' }).click();
	await expect(page).toHaveURL(/\/praesentationer\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Direktionsmøde om klyngerne'
	);
	// 25 slides on the demo round, one more when the register has lists for its years (the
	// company journey may have run first).
	const outline = await page.getByTestId('outline').locator('li').count();
	expect(outline).toBeGreaterThanOrEqual(25);
	expect(outline).toBeLessThanOrEqual(26);
	await expectNoA11yViolations(page);

	// Edit the first proposed question and save the list.
	const first = page.getByLabel('Spørgsmål 1', { exact: true });
	await expect(first).toHaveValue(/klynger i Region Nordjylland/);
	await tabTo(page, first);
	await page.keyboard.press('Control+A');
	await page.keyboard.type('Hvilke tre klynger skal vi prioritere i 2027?');
	await tabTo(page, page.getByRole('button', { name: 'Gem spørgsmål' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Spørgsmålene er gemt.' })).toBeVisible();
	await expect(page.getByLabel('Spørgsmål 1', { exact: true })).toHaveValue(
		'Hvilke tre klynger skal vi prioritere i 2027?'
	);

	// PowerPoint, with the edited question on the dialogue slide.
	const [pptx] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('download-pptx').click()
	]);
	expect(pptx.suggestedFilename()).toBe('direktion-2027-01-14-region-nordjylland.pptx');
	const zip = await JSZip.loadAsync(readFileSync(await pptx.path()));
	const slides = await Promise.all(
		Object.keys(zip.files)
			.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
			.map((n) => zip.file(n)?.async('string') ?? Promise.resolve(''))
	);
	expect(slides).toHaveLength(outline);
	expect(slides.join('')).toContain('Hvilke tre klynger skal vi prioritere i 2027?');

	// PDF through LibreOffice (installed in CI).
	const [pdf] = await Promise.all([
		page.waitForEvent('download', { timeout: 90_000 }),
		page.getByTestId('download-pdf').click()
	]);
	expect(pdf.suggestedFilename()).toBe('direktion-2027-01-14-region-nordjylland.pdf');
	expect(
		readFileSync(await pdf.path())
			.subarray(0, 5)
			.toString()
	).toBe('%PDF-');
	await expect(page.getByRole('status').filter({ hasText: 'Hentet efter' })).toHaveCount(2);

	// A decision after the meeting.
	await page.getByLabel('Type').selectOption('decision');
	await page.getByLabel('Tekst').fill('Vi går videre med en rammeaftale med FBCD.');
	await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
	await expect(page.getByTestId('outcomes')).toContainText('rammeaftale med FBCD');
	await expectNoA11yViolations(page);
});

test('viewers read meetings, the printable deck and the comparison, without edit controls', async ({
	page
}) => {
	await login(page, 'viewer');
	await page.goto('/praesentationer');
	await expect(page.getByRole('link', { name: 'Nyt møde' })).toHaveCount(0);
	await page.goto('/praesentationer/2');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('bestyrelsen');
	await expect(page.getByRole('button', { name: 'Gem spørgsmål' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Slet mødet' })).toHaveCount(0);
	await expectNoA11yViolations(page);
	await page.getByTestId('printable').click();
	await expect(page.getByTestId('printable-deck').locator('section.slide')).toHaveCount(12);
	await expect(page.getByTestId('printable-deck')).toContainText('n = 12 af 12');
	await expectNoA11yViolations(page);
	await page.goto('/praesentationer/2/sammenlign');
	await expect(page.getByTestId('comparison')).toContainText('Medlemmer i regionen i alt');
	await expectNoA11yViolations(page);
});

test('API: meetings as JSON and the deck as PowerPoint', async ({ request }) => {
	const api = await signedInRequest(request, 'viewer');
	const list = (await (await api.get('/api/v1/meetings?region=1081')).json()) as {
		meetings: { id: number; audience: string; isDemo: boolean }[];
	};
	expect(
		list.meetings
			.filter((x) => x.isDemo)
			.map((x) => x.audience)
			.sort()
	).toEqual(['board', 'management']);
	const one = (await (await api.get('/api/v1/meetings/2')).json()) as {
		slides: { id: string }[];
		questions: string[];
	};
	expect(one.slides[0]?.id).toBe('title');
	expect(one.questions.length).toBeGreaterThan(0);
	const deck = await api.get('/api/v1/meetings/2/deck.pptx');
	expect(deck.status()).toBe(200);
	expect(deck.headers()['content-type']).toBe(
		'application/vnd.openxmlformats-officedocument.presentationml.presentation'
	);
	const zip = await JSZip.loadAsync(await deck.body());
	// The board deck's charts: presence, agreements and KPI status.
	expect(Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).length).toBe(
		3
	);
	expect((await api.get('/api/v1/meetings/999/deck.pptx')).status()).toBe(404);
});
