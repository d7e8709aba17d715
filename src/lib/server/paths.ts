import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, found by walking up from this module to Klyngeradar's package.json. The same
 * code runs from `src/` (CLI, tests) and from `build/server/chunks/` (web server), so relative
 * paths from `import.meta.url` would differ; the package root does not.
 */
function findPackageRoot(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = join(dir, 'package.json');
		if (existsSync(candidate)) {
			const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
			if (pkg.name === 'klyngeradar') return dir;
		}
		const parent = dirname(dir);
		if (parent === dir) throw new Error('Could not find the Klyngeradar package root');
		dir = parent;
	}
}

export const packageRoot = findPackageRoot();
export const migrationsFolder = join(packageRoot, 'drizzle');
export const referenceDataFolder = join(packageRoot, 'data', 'reference');

export const packageVersion = (
	JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;
export const catalogueFolder = join(packageRoot, 'data', 'catalogue');
