/** Shared pieces of the benchmarks: repeated measurement, medians and the results table. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
	bench: string;
	case: string;
	metric: string;
	value: number;
	unit: string;
	runs?: number[];
	note?: string;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export async function repeat(times: number, measure: () => Promise<number>): Promise<number[]> {
	const runs: number[] = [];
	for (let i = 0; i < times; i++) runs.push(await measure());
	return runs;
}

export function printTable(figures: Figure[]): void {
	const rows = figures.map((f) => [
		f.bench,
		f.case,
		f.metric,
		`${Number.isInteger(f.value) ? f.value : f.value.toFixed(f.value < 10 ? 2 : 1)} ${f.unit}`,
		f.runs ? f.runs.map((r) => (Number.isInteger(r) ? r : r.toFixed(1))).join(' / ') : '',
		f.note ?? ''
	]);
	const header = ['bench', 'case', 'metric', 'median', 'runs', 'note'];
	const widths = header.map((h, i) =>
		Math.max(h.length, ...rows.map((row) => String(row[i]).length))
	);
	const line = (cells: string[]) =>
		`| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
	console.log(line(header));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of rows) console.log(line(row.map(String)));
}

export function writeResults(figures: Figure[]): string {
	const dir = join(import.meta.dirname, 'results');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	writeFileSync(
		file,
		JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2)
	);
	return file;
}

/** One figure per tinybench task: the p50 latency, with p99 and the sample count as a note. */
export function latencyFigures(
	bench: string,
	label: string,
	tasks: { name: string; result?: unknown }[]
): Figure[] {
	return tasks.map((task) => {
		const result = task.result as
			{ latency?: { p50?: number; p99?: number; samplesCount?: number } } | undefined;
		const latency = result?.latency;
		return {
			bench,
			case: `${label}: ${task.name}`,
			metric: 'time (p50)',
			value: latency?.p50 ?? Number.NaN,
			unit: 'ms',
			note: `p99 ${(latency?.p99 ?? 0).toFixed(1)} ms, ${latency?.samplesCount ?? 0} runs`
		};
	});
}
