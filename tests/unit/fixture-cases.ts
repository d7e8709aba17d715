import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Merges a case onto the base: objects merge key by key (recursively), anything else replaces. */
export function mergeCase<T>(base: T, change: unknown): T {
	if (!isObject(base) || !isObject(change)) return (change === undefined ? base : change) as T;
	const out: Record<string, unknown> = { ...base };
	for (const [key, value] of Object.entries(change)) out[key] = mergeCase(out[key], value);
	return out as T;
}

/** The cases of a fixture folder: every JSON file but `_base.json`, with its name. */
export function loadCases<Base, Case>(folder: string): { base: Base; cases: [string, Case][] } {
	const dir = join(process.cwd(), 'tests', 'fixtures', folder);
	const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
	const cases = readdirSync(dir)
		.filter((file) => file.endsWith('.json') && file !== '_base.json')
		.sort()
		.map((file) => [file.replace(/\.json$/, ''), read(file) as Case] as [string, Case]);
	return { base: read('_base.json') as Base, cases };
}
