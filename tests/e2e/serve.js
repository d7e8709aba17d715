#!/usr/bin/env node
// Starts the built app for the e2e tier on a fresh data directory with known staff accounts.
// Playwright runs this as its webServer.
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'bin', 'klyngeradar.js');
const dataDir = mkdtempSync(join(tmpdir(), 'klyngeradar-e2e-'));
/** Where the walk finds the second organisation's ids (see fixtures.ts). */
const otherOrganisationFile = join(
	tmpdir(),
	`klyngeradar-e2e-${process.env.E2E_PORT ?? '4173'}-other-organisation.json`
);
// The built app holds every API answer to its declared schema here: a mismatch answers 500.
const env = {
	...process.env,
	KLYNGERADAR_DATA_DIR: dataDir,
	KLYNGERADAR_LANG: 'da',
	KLYNGERADAR_CHECK_SCHEMAS: 'true'
};

/** @type {[string, string, string, string, ...string[]][]} */
const accounts = [
	['admin@e2e.example.dk', 'admin', 'Ada Admin', 'e2e admin passphrase', '--platform-admin'],
	['analyst@e2e.example.dk', 'analyst', 'Ane Analytiker', 'e2e analyst passphrase'],
	['viewer@e2e.example.dk', 'viewer', 'Viggo Læser', 'e2e viewer passphrase']
];
for (const [email, role, name, password, ...flags] of accounts) {
	const result = spawnSync(
		process.execPath,
		[
			cli,
			'user',
			'create',
			'--email',
			email,
			'--role',
			role,
			'--name',
			name,
			'--password-stdin',
			...flags
		],
		{ env, input: `${password}\n`, encoding: 'utf8' }
	);
	if (result.status !== 0) {
		console.error(result.stdout, result.stderr);
		process.exit(1);
	}
}

/**
 * Runs the CLI on the e2e data directory and returns its JSON answer.
 * @param {string[]} args
 * @returns {any}
 */
function cliJson(args) {
	const result = spawnSync(process.execPath, [cli, '--json', ...args], { env, encoding: 'utf8' });
	if (result.status !== 0) {
		console.error(result.stdout, result.stderr);
		process.exit(1);
	}
	return JSON.parse(result.stdout);
}

// A second organisation with its own demo round, agreement and meeting, so that the
// authorization walk can ask for its ids as a member of the first (tests/e2e/authorization).
cliJson(['db', 'seed', '--demo', '--organisations', '2']);
const other = ['--organisation', 'syddanmark-demo'];
const otherIds = {
	round: cliJson([...other, 'survey', 'list']).rounds[0].id,
	agreement: cliJson([...other, 'agreements', 'list']).agreements[0].id,
	meeting: cliJson([...other, 'meetings', 'list']).meetings[0].id
};
writeFileSync(otherOrganisationFile, JSON.stringify(otherIds));

const server = spawn(process.execPath, [cli, 'serve', '--port', process.env.E2E_PORT ?? '4173'], {
	env,
	stdio: 'inherit'
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
