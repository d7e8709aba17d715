#!/usr/bin/env node
// `npm test`: the whole suite. Unit, CLI and database tiers (PGlite, plus PostgreSQL when
// TEST_DATABASE_URL is set) run in Vitest; the journeys run in Playwright against the built app in
// Debian's Chromium. Outside CI a missing PostgreSQL or Chromium skips that tier with a notice;
// with CI=true it fails instead.
//
//   npm test                     everything
//   npm test -- --only e2e       one tier: unit, cli, db, e2e (repeatable)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIsCurrent, root } from './fingerprint.js';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const args = process.argv.slice(2);
const only = args.flatMap((arg, i) => (arg === '--only' ? [args[i + 1]] : [])).filter(Boolean);
const wants = (/** @type {string} */ tier) => only.length === 0 || only.includes(tier);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pgUrl = process.env.TEST_DATABASE_URL;

/** @type {{ name: string; seconds: number; ok: boolean }[]} */
const results = [];
/** @param {string} name @param {string[]} command */
function step(name, command) {
	const started = Date.now();
	console.log(`\n▶ ${name}: ${command.join(' ')}`);
	const [program = '', ...rest] = command;
	const result = spawnSync(program, rest, {
		cwd: root,
		stdio: 'inherit',
		env: process.env
	});
	const ok = result.status === 0;
	results.push({ name, seconds: (Date.now() - started) / 1000, ok });
	return ok;
}
/** @param {string} name @param {string} reason */
function fail(name, reason) {
	console.error(`\n✖ ${name}: ${reason}`);
	results.push({ name, seconds: 0, ok: false });
}

const node = process.execPath;
/** @param {string[]} parts */
const bin = (...parts) => join(root, 'node_modules', ...parts);

step('messages', [node, join(root, 'scripts', 'build.js'), '--messages-only']);
step('sync', [node, bin('@sveltejs', 'kit', 'svelte-kit.js'), 'sync']);

const needsBuild = wants('cli') || wants('e2e');
if (needsBuild && !buildIsCurrent()) step('build', [node, join(root, 'scripts', 'build.js')]);

const projects = [];
if (wants('unit')) projects.push('unit');
if (wants('cli')) projects.push('cli');
if (wants('db')) {
	projects.push('db');
	if (pgUrl) projects.push('db-pg');
	else if (ci)
		fail('db-pg', 'CI=true but TEST_DATABASE_URL is not set; the PostgreSQL tier cannot run.');
	else
		console.log(
			'\nℹ db-pg skipped: set TEST_DATABASE_URL=postgres://… to run the database tier on PostgreSQL too.'
		);
}
if (projects.length > 0) {
	step(`vitest (${projects.join(', ')})`, [
		node,
		bin('vitest', 'vitest.mjs'),
		'run',
		...projects.flatMap((project) => ['--project', project])
	]);
}

if (wants('e2e')) {
	if (existsSync(chromium)) {
		step('e2e (Playwright, Chromium)', [node, bin('@playwright', 'test', 'cli.js'), 'test']);
	} else if (ci) {
		fail(
			'e2e',
			`CI=true but Chromium was not found at ${chromium} (set CHROMIUM_PATH or apt-get install chromium).`
		);
	} else {
		console.log(
			`\nℹ e2e skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`
		);
	}
}

console.log('\nSummary');
for (const { name, seconds, ok } of results)
	console.log(`  ${ok ? '✔' : '✖'} ${name.padEnd(36)} ${seconds.toFixed(1)} s`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
