/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line), prints one
 * table and writes the figures to bench/results/ (git-ignored). Figures, not pass/fail.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printTable, writeResults, type Figure } from './harness';

const filter = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
	.filter((name) => name.endsWith('.bench.ts'))
	.filter((name) => filter.length === 0 || filter.some((f) => name.includes(f)))
	.sort();

const figures: Figure[] = [];
for (const file of files) {
	console.log(`… ${file}`);
	const module = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as {
		run: () => Promise<Figure[]>;
	};
	figures.push(...(await module.run()));
}
printTable(figures);
console.log(`\nWritten to ${writeResults(figures)}`);
