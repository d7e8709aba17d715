#!/usr/bin/env node
// `npm run build`: compile the messages, build the web app, record the sources' fingerprint.
// With --messages-only it just compiles the messages (what `npm run i18n` does).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, sourceFingerprint, writeFingerprint } from './fingerprint.js';

const fingerprint = sourceFingerprint();
/** @param {string[]} args */
function run(args) {
	const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
run([
	join(root, 'node_modules', '@inlang', 'paraglide-js', 'bin', 'run.js'),
	'compile',
	'--project',
	'./project.inlang',
	'--outdir',
	'./src/lib/paraglide',
	'--strategy',
	'cookie',
	'baseLocale',
	'--no-emit-git-ignore',
	'--no-emit-prettier-ignore',
	'--silent'
]);
if (!process.argv.includes('--messages-only')) {
	run([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
	writeFingerprint(fingerprint);
}
