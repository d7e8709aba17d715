/**
 * `klyngeradar serve` (and so `npm start`) builds the web app when the sources changed since the
 * last build, so a fresh clone needs only `npm install && npm start`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '$lib/server/paths';
import { buildIsCurrent } from '../../scripts/fingerprint.js';

export { buildIsCurrent };

/** Runs `npm run build`'s script, streaming its output to stderr. */
export async function build(): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const child = spawn(process.execPath, [join(packageRoot, 'scripts', 'build.js')], {
			cwd: packageRoot,
			stdio: ['ignore', process.stderr, process.stderr]
		});
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`The build failed (exit code ${code}).`))
		);
	});
}
