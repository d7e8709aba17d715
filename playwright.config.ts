import { defineConfig } from '@playwright/test';
import { BASE_URL, E2E_PORT } from './tests/e2e/fixtures';

// Debian's Chromium, never a downloaded browser (downloads fail on these machines).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: process.env.CI === 'true',
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI === 'true' ? [['list']] : [['list']],
	use: {
		baseURL: BASE_URL,
		browserName: 'chromium',
		headless: true,
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: `node tests/e2e/serve.js`,
		url: `${BASE_URL}/api/v1/health`,
		env: { E2E_PORT: String(E2E_PORT) },
		// The first run builds the app.
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
