import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { accounts, BASE_URL, type Role } from './fixtures';

/** Signs in through the login form, with the keyboard only. */
export async function login(page: Page, role: Role): Promise<void> {
	const account = accounts[role];
	await page.goto('/login');
	await page.getByLabel('E-mail').fill(account.email);
	await page.getByLabel('Adgangskode').fill(account.password);
	await page.getByLabel('Adgangskode').press('Enter');
	await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
	await expect(page.getByTestId('signed-in-as')).toContainText(account.name);
}

/** A request context signed in as the role (session cookie), for HTTP-level tests. */
export async function signedInRequest(
	request: APIRequestContext,
	role: Role
): Promise<APIRequestContext> {
	const account = accounts[role];
	const response = await request.post('/login', {
		form: { email: account.email, password: account.password },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `login as ${role}`).toBe(303);
	return request;
}

/** Runs axe (WCAG 2.1 A/AA) on the page and fails with the violations listed. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const summary = results.violations.map(
		(violation) =>
			`${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** Moves focus with Tab until the locator has it (keyboard only, like a user without a mouse). */
export async function tabTo(page: Page, target: Locator, max = 200): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('could not reach the element with Tab');
}
