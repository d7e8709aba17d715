import { describe, expect, it } from 'vitest';
import { copyValue } from '../db/bulk';
import { CsvBroken, csvBatches, csvLines, type RecordBatch } from './csv';
import { detectDelimiter, sniff } from './sniff';

const bytes = (text: string) => ({ bytes: new TextEncoder().encode(text) });

async function records(source: { bytes: Uint8Array }) {
	const sniffed = await sniff(source);
	const out: { line: number; record: string[] }[] = [];
	for await (const batch of csvBatches(source, sniffed) as AsyncIterable<RecordBatch>)
		batch.records.forEach((record, i) => out.push({ line: batch.lines[i] ?? 0, record }));
	return { sniffed, out };
}

describe('sniff', () => {
	it.each([
		['cvr;navn\n1;a\n', ';'],
		['cvr,navn\n1,a\n', ','],
		['cvr\tnavn\n1\ta\n', '\t'],
		['"a;b",c,d\n', ','],
		['cvr\n1\n', ',']
	])('finds the delimiter of %j', (text, delimiter) => {
		expect(detectDelimiter(text)).toBe(delimiter);
	});

	it('reads UTF-8 with a BOM as UTF-8 and drops the BOM from the first header', async () => {
		const { sniffed, out } = await records(bytes('\uFEFFcvr;navn\n10150817;Ærø ApS\n'));
		expect(sniffed).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
		expect(out[0]?.record).toEqual(['cvr', 'navn']);
		expect(out[1]?.record).toEqual(['10150817', 'Ærø ApS']);
	});

	it('reads a file with a Windows-1252 byte as Latin-1, even far into the file', async () => {
		const head = 'cvr;navn\n' + '10150817;Aalborg ApS\n'.repeat(5000);
		const tail = Uint8Array.from(
			[...'10150817;M'].map((c) => c.charCodeAt(0)).concat([0xf8, 0x0a])
		);
		const source = { bytes: new Uint8Array([...new TextEncoder().encode(head), ...tail]) };
		const { sniffed, out } = await records(source);
		expect(sniffed.encoding).toBe('latin-1');
		expect(out.at(-1)?.record).toEqual(['10150817', 'Mø']);
	});

	it('tells a zip (XLSX) from text by its first bytes', async () => {
		const zip = { bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]) };
		expect((await sniff(zip)).format).toBe('xlsx');
	});
});

describe('csvBatches', () => {
	it('counts records, and finds the true lines of the ones asked for', async () => {
		const source = bytes('cvr;navn\n\n10150817;a\n\n\n29189323;"to\nlinjer"\n10150817;b\n');
		const { sniffed, out } = await records(source);
		expect(out.map((r) => r.line)).toEqual([1, 2, 3, 4]);
		const lines = await csvLines(source, sniffed, [2, 4]);
		expect(Object.fromEntries(lines)).toEqual({ 2: 3, 4: 8 });
	});

	it('hands records on in batches of a bounded size', async () => {
		const source = bytes('cvr\n' + '10150817\n'.repeat(4500));
		const sizes: number[] = [];
		for await (const batch of csvBatches(source, await sniff(source)))
			sizes.push(batch.records.length);
		expect(sizes).toEqual([2000, 2000, 501]);
	});

	it('ends with the line of an unclosed quote', async () => {
		const source = bytes('cvr;navn\n10150817;ok\n29189323;"åben\n');
		await expect(records(source)).rejects.toBeInstanceOf(CsvBroken);
		await expect(records(source)).rejects.toMatchObject({ line: 3 });
	});
});

describe('copyValue', () => {
	it.each([
		[null, '\\N'],
		[undefined, '\\N'],
		[true, 'true'],
		[12, '12'],
		['plain', 'plain'],
		['a\tb', 'a\\tb'],
		['line\nbreak\r', 'line\\nbreak\\r'],
		['back\\slash', 'back\\\\slash']
	])('writes %j as %j in COPY text', (value, text) => {
		expect(copyValue(value)).toBe(text);
	});
});
