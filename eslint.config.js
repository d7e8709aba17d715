import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The service areas (folders of src/lib/server/services/), each reached through its index.ts. */
const areas = readdirSync(new URL('./src/lib/server/services/', import.meta.url), {
	withFileTypes: true
})
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);
const areaGroup = areas.join('|');

// CSV is written through server/csv.ts only, which neutralises spreadsheet formulas in cells.
const csvPattern = {
	group: ['csv-stringify', 'csv-stringify/*'],
	message: 'Write CSV with toCsv from $lib/server/csv (formula injection).'
};
const outsideAreaPattern = {
	regex: `(^|/)services/(${areaGroup})/.+`,
	message: 'Reach a service area through its index: $lib/server/services/<area>.'
};
const insideAreaPatterns = [
	{
		regex: `^\\.\\./(${areaGroup})/.+`,
		message: 'Reach another area through its index: ../<area>.'
	},
	{
		regex: `(^|/)services/(${areaGroup})/.+`,
		message: 'Reach another area through its index: ../<area>.'
	}
];

/** Code that pages and the server share may not reach into the server. */
const noServerImports = (message) => ({
	patterns: [csvPattern, { group: ['$lib/server/*', '**/server/*'], message }]
});

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'drizzle/',
			'test-results/',
			'playwright-report/',
			'data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			// Promises must be awaited or explicitly voided; an un-awaited save loses errors.
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/require-await': 'error',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			],
			'no-undef': 'off'
		}
	},
	{
		// Only server/config.ts reads the environment; everything else gets a typed Config.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/server/config.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "MemberExpression[object.name='process'][property.name='env']",
					message: 'Read configuration through $lib/server/config.'
				}
			]
		}
	},
	// no-restricted-imports is one rule, so each block below lists every pattern that holds for its
	// files (a later block replaces an earlier one's list, it does not add to it).
	{
		files: ['src/**/*.ts', 'src/**/*.svelte', 'tests/**/*.ts', 'bench/**/*.ts'],
		ignores: ['src/lib/server/csv.ts', 'src/lib/server/services/**', 'src/lib/domain/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [csvPattern, outsideAreaPattern] }] }
	},
	{
		// Components draw view models from the domain; they never reach into the server.
		files: ['src/lib/components/**/*.svelte', 'src/lib/components/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				noServerImports(
					'Components take view models from $lib/domain/<area>/view, not $lib/server.'
				)
			]
		}
	},
	{
		// Labels serve the pages as well as the server's exports, decks and CLI: no server code here.
		files: ['src/lib/labels/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', noServerImports('labels/ must not depend on server code.')]
		}
	},
	{
		// Inside an area: its own files relatively, other areas through their index only.
		files: ['src/lib/server/services/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [csvPattern, ...insideAreaPatterns] }] }
	},
	{
		// The domain is pure: no framework, database or Node APIs, so it can be unit tested and reused by
		// page, API, CLI and deck alike.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['svelte', 'svelte/*', '$app/*', '$env/*', '@sveltejs/*'],
							message: 'domain/ must not depend on Svelte or SvelteKit.'
						},
						{
							group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'],
							message: 'domain/ must not touch the database.'
						},
						{ group: ['node:*'], message: 'domain/ must not use Node APIs.' },
						{
							group: ['$lib/server/*', '**/server/*'],
							message: 'domain/ must not depend on server code.'
						}
					]
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser } },
		rules: {
			// The app is always served at the root (no `paths.base`), and plain links keep the
			// templates readable; route ids are checked by the authorization test instead.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.js'],
		...ts.configs.disableTypeChecked
	}
);
