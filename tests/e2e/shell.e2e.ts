import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

test('sign in, switch language, sign out — in Danish by default, keyboard only', async ({
	page
}) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await expectNoA11yViolations(page);

	await login(page, 'analyst');
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overblik');
	await expect(
		page
			.getByRole('navigation', { name: 'Hovedmenu' })
			.getByRole('link', { name: 'Klyngelandskab' })
	).toBeVisible();
	// Analysts do not see the admin area.
	await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
	await expectNoA11yViolations(page);

	// The skip link is the first thing the keyboard reaches.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Spring til indhold' })).toBeFocused();

	await page.getByTestId('language-switch').focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
	await expect(
		page
			.getByRole('navigation', { name: 'Main menu' })
			.getByRole('link', { name: 'Cluster landscape' })
	).toBeVisible();
	await expectNoA11yViolations(page);

	// The choice sticks across pages.
	await page.getByRole('link', { name: 'Account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');

	await page.getByTestId('language-switch').focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din konto');

	await page.getByRole('button', { name: 'Log ud' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL('/login');
	await page.goto('/konto');
	await expect(page).toHaveURL(/\/login/);
});

test('a wrong password gets a clear message and no session', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('E-mail').fill('viewer@e2e.example.dk');
	await page.getByLabel('Adgangskode').fill('not the password');
	await page.getByRole('button', { name: 'Log ind' }).click();
	await expect(page.getByTestId('form-errors')).toContainText('Forkert e-mail eller adgangskode.');
	await expectNoA11yViolations(page);
	await page.goto('/');
	await expect(page).toHaveURL(/\/login/);
});

test('admin pages are accessible and the audit log shows user changes', async ({ page }) => {
	await login(page, 'admin');
	await page.goto('/admin/brugere');
	await expectNoA11yViolations(page);

	const email = `new-${Date.now()}@e2e.example.dk`;
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Navn').fill('Ny Bruger');
	await page.getByLabel('Engangskode (vises én gang her)').check();
	await page.getByRole('button', { name: 'Opret bruger' }).click();
	await expect(page.getByTestId('user-created')).toContainText(email);
	await expectNoA11yViolations(page);

	await page.goto('/admin/api-noegler');
	await page.getByLabel('Navn').fill('e2e-nøgle');
	await page.getByRole('button', { name: 'Opret nøgle' }).click();
	const token =
		(await page.getByTestId('token-created').locator('.secret').textContent())?.trim() ?? '';
	expect(token).toMatch(/^kr_/);
	await expectNoA11yViolations(page);
	const me = await page.request.get('/api/v1/me', {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(await me.json()).toMatchObject({ email: 'admin@e2e.example.dk', role: 'admin' });

	await page.goto('/admin/revision?entity=user');
	await expect(page.getByTestId('audit-table')).toContainText(email);
	await expectNoA11yViolations(page);
});
