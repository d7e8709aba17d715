import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login, tabTo } from './helpers';

test('filter the landscape, open a profile, and edit a figure: invalid then valid, keyboard only', async ({
	page
}) => {
	await login(page, 'analyst');
	await page.goto('/klynger');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klyngelandskabet');
	await expect(page.getByTestId('cluster-cards').locator('li.card:not(.gap)')).toHaveCount(13);
	await expect(page.getByText('Lukket 2022')).toBeVisible();
	await expectNoA11yViolations(page);

	// Filter: present in North Jutland, as of 2023.
	const region = page.getByLabel('Til stede i region');
	await tabTo(page, region);
	await page.keyboard.type('Region Nordjylland');
	const year = page.getByLabel('Landskabet i år');
	await tabTo(page, year);
	await page.keyboard.type('2023');
	await tabTo(page, page.getByRole('button', { name: 'Vis', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/region=1081/);
	await expect(page).toHaveURL(/asOf=2023/);
	const cards = page.getByTestId('cluster-cards').locator('li.card:not(.gap)');
	await expect(cards).toHaveCount(5);
	await expect(page.getByTestId('unidentified-cluster')).toContainText('1 ikke identificeret');

	// Table view, then the profile.
	await tabTo(page, page.getByRole('link', { name: 'tabel' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cluster-table')).toBeVisible();
	await expectNoA11yViolations(page);
	await tabTo(page, page.getByRole('link', { name: 'Energy Cluster Denmark' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Energy Cluster Denmark');
	await expectNoA11yViolations(page);

	// Open the figure form and submit an invalid value.
	const summary = page.getByText('Tilføj eller ret et nøgletal');
	await tabTo(page, summary);
	await page.keyboard.press('Enter');
	await tabTo(page, page.getByLabel('Nøgletal', { exact: true }));
	await page.keyboard.type('Medlemmer');
	await page.keyboard.press('Tab');
	await page.keyboard.type('2023');
	await tabTo(page, page.getByLabel('Værdi', { exact: true }));
	await page.keyboard.type('-5');
	await tabTo(page, page.getByRole('button', { name: 'Gem nøgletal' }));
	await page.keyboard.press('Enter');
	const errors = page.getByTestId('form-errors');
	await expect(errors).toBeVisible();
	await expect(errors).toContainText('Værdi: Skal være mindst 0.');
	await expect(errors).toContainText('Kildens webadresse: Angiv kildens webadresse.');
	await expect(page.getByTestId('figure-history')).not.toContainText('−5');
	await expect(
		page.getByTestId('figure-history').getByRole('row').filter({ hasText: '2023' })
	).toHaveCount(1);
	await expectNoA11yViolations(page);

	// The form kept the typed values; correct them and save.
	await tabTo(page, page.getByLabel('Værdi', { exact: true }));
	await page.keyboard.press('Control+A');
	await page.keyboard.type('470');
	await tabTo(page, page.getByLabel('Kildens webadresse'));
	await page.keyboard.type('https://www.energycluster.dk/aarsrapport-2023');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Årsrapport 2023');
	await tabTo(page, page.getByRole('button', { name: 'Gem nøgletal' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('saved')).toBeVisible();
	const members2023 = page
		.getByTestId('figure-history')
		.getByRole('row')
		.filter({ hasText: 'Årsrapport 2023' });
	await expect(members2023).toContainText('470');
	await expect(page.getByTestId('cluster-changes')).toContainText('analyst@e2e.example.dk');
});

test('the map and the history page render and are accessible', async ({ page }) => {
	await login(page, 'viewer');
	await page.goto('/klynger/kort?region=1081');
	await expect(page.getByTestId('map-table')).toContainText('Aalborg');
	expect(
		await page.getByTestId('landscape-map').locator('path[ecmeta_series_index="0"]').count()
	).toBe(11);
	await expectNoA11yViolations(page);
	await page.goto('/klynger/historik');
	await expect(page.getByTestId('timeline').locator('svg')).toBeVisible();
	await expect(
		page.getByText('11 klyngeorganisationer, 662 mio. kr. for 2025–2028.')
	).toBeVisible();
	await expectNoA11yViolations(page);
	await page.goto('/om-data');
	await expect(
		page
			.getByRole('main')
			.getByText('Kommune- og regionsgrænser: Indeholder data fra Geodatastyrelsen', {
				exact: false
			})
	).toBeVisible();
	await expectNoA11yViolations(page);
	// Viewers see no edit forms.
	await page.goto('/klynger/made');
	await expect(page.getByText('Tilføj eller ret et nøgletal')).toHaveCount(0);
});
