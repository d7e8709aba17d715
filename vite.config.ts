import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Vitest compiles the messages once through `npm run i18n`; running the Paraglide plugin inside
// Vitest keeps a watcher alive and delays exit by ~10 s (measured when the tiers were set up).
const underVitest = process.env.VITEST !== undefined;

const dbTests = ['src/**/*.db.spec.ts', 'tests/db/**/*.db.spec.ts'];

// `vite dev` and Vitest hold API answers and raw query rows to their zod schemas (`checkSchemas`
// in src/lib/server/config.ts); a build or `vite preview` never does. Set before the server and
// the test workers start, so both inherit it; an explicit value in the environment wins.
const checkSchemas: Plugin = {
	name: 'klyngeradar-check-schemas',
	config(_config, { command, mode }) {
		if (command === 'serve' && mode !== 'production') {
			process.env.KLYNGERADAR_CHECK_SCHEMAS ??= 'true';
		}
	}
};

export default defineConfig({
	plugins: [
		checkSchemas,
		...(underVitest
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['cookie', 'baseLocale'],
						emitGitIgnore: false,
						emitPrettierIgnore: false
					})
				]),
		sveltekit()
	],
	server: { host: '127.0.0.1' },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
					exclude: ['**/*.db.spec.ts']
				}
			},
			{
				// The CLI as users run it: the real entry point in a child process, on temporary data dirs.
				extends: true,
				test: {
					name: 'cli',
					environment: 'node',
					include: ['tests/cli/**/*.spec.ts'],
					exclude: ['tests/cli/**/*.db.spec.ts'],
					testTimeout: 120_000,
					hookTimeout: 240_000
				}
			},
			{
				extends: true,
				test: {
					name: 'db',
					environment: 'node',
					include: dbTests,
					globalSetup: ['tests/db/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			// The PostgreSQL run of the same files; on when TEST_DATABASE_URL is set, and always in CI
			// (where its global setup fails loudly if the server cannot be reached).
			...(process.env.TEST_DATABASE_URL || process.env.CI === 'true'
				? [
						{
							extends: true as const,
							test: {
								name: 'db-pg',
								environment: 'node' as const,
								include: dbTests,
								globalSetup: ['tests/db/global-setup.ts'],
								testTimeout: 30_000,
								hookTimeout: 60_000
							}
						}
					]
				: [])
		]
	}
});
