/**
 * Reading an uploaded company file as a stream of records: what kind of file it is (a zip, so
 * XLSX, or text, so CSV), its encoding (UTF-8 with or without BOM, else Windows-1252, which is
 * what Danish spreadsheets save as "Latin-1"), its delimiter (`;`, `,` or tab, read off the
 * header line), and then its records in batches with the line each one starts on.
 */
import { parse } from 'csv-parse';
import { Transform, pipeline } from 'node:stream';
import { openSource, type ImportSource } from './import-source';
import { looksLikeCompoundFile, looksLikeZip } from './xlsx-rows';

export type Encoding = 'utf-8' | 'latin-1';

export interface Sniffed {
	format: 'csv' | 'xlsx';
	encoding: Encoding;
	delimiter: string;
}

/**
 * Records handed on together, so the per-record cost of async iteration is paid per batch.
 * `lines` are where the records start; for CSV they are first counted as records (header = 1),
 * which is the line unless the file has empty lines or line breaks inside quotes, and
 * `exactLines` gives the true lines of the few records that need them (see `csvLines`).
 */
export interface RecordBatch {
	lines: number[];
	records: string[][];
}

/** A CSV file that cannot be read as CSV (an unclosed quote, a row with too many fields …). */
export class CsvBroken extends Error {
	constructor(
		readonly line: number,
		detail: string
	) {
		super(detail);
	}
}

const BATCH = 2000;

/** The delimiter of a header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(text: string): string {
	const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
	const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
	const [best] = [...counts].sort((a, b) => b[1] - a[1]);
	return best && best[1] > 0 ? best[0] : ',';
}

/**
 * One pass over the bytes without keeping them: a file is UTF-8 only if all of it is, so the
 * encoding is known before the first row is written.
 */
export async function sniff(source: ImportSource): Promise<Sniffed> {
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	let head = '';
	let first: Uint8Array | null = null;
	let valid = true;
	for await (const chunk of openSource(source) as AsyncIterable<Buffer>) {
		if (!first) {
			first = chunk.subarray(0, 8);
			// A zip is an XLSX workbook; an OLE compound file is an old .xls or a workbook with a
			// password, which the spreadsheet reader refuses with its own message.
			if (looksLikeZip(first) || looksLikeCompoundFile(first))
				return { format: 'xlsx', encoding: 'utf-8', delimiter: ',' };
		}
		if (!valid) break;
		try {
			const text = utf8.decode(chunk, { stream: true });
			if (head.length < 64 * 1024) head += text;
		} catch {
			valid = false;
		}
	}
	if (valid) {
		try {
			utf8.decode();
		} catch {
			valid = false;
		}
	}
	const encoding: Encoding = valid ? 'utf-8' : 'latin-1';
	if (!valid) {
		for await (const chunk of openSource(source, 64 * 1024) as AsyncIterable<Buffer>) {
			head = new TextDecoder('windows-1252').decode(chunk);
			break;
		}
	}
	return { format: 'csv', encoding, delimiter: detectDelimiter(head.replace(/^\uFEFF/, '')) };
}

/** Bytes → text in the file's encoding; a UTF-8 BOM is dropped by the decoder. */
function decoder(encoding: Encoding): Transform {
	const text = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'windows-1252');
	return new Transform({
		transform(chunk: Buffer, _encoding, done) {
			done(null, text.decode(chunk, { stream: true }));
		},
		flush(done) {
			done(null, text.decode());
		}
	});
}

function csvParser(sniffed: Sniffed, info: boolean) {
	return parse({
		delimiter: sniffed.delimiter,
		skip_empty_lines: true,
		trim: true,
		relax_quotes: false,
		info
	});
}

/**
 * The lines the given records (counted from 1, header included) are on. A second pass with the
 * parser's line counting, which costs more per record than the whole import otherwise does, so
 * it runs only for the records a message or the review list names.
 */
export async function csvLines(
	source: ImportSource,
	sniffed: Sniffed,
	ordinals: Iterable<number>
): Promise<Map<number, number>> {
	const wanted = new Set(ordinals);
	const lines = new Map<number, number>();
	if (wanted.size === 0) return lines;
	const last = Math.max(...wanted);
	const input = openSource(source);
	const parser = input.pipe(decoder(sniffed.encoding)).pipe(csvParser(sniffed, true));
	let ordinal = 0;
	try {
		for await (const row of parser as AsyncIterable<{ info: { lines: number } }>) {
			ordinal += 1;
			if (wanted.has(ordinal)) lines.set(ordinal, row.info.lines);
			if (ordinal >= last) break;
		}
	} finally {
		input.destroy();
		parser.destroy();
	}
	return lines;
}

/** The CSV file's records in batches, header first; `onBytes` hears how far the file is read. */
export async function* csvBatches(
	source: ImportSource,
	sniffed: Sniffed,
	onBytes?: (bytes: number) => void
): AsyncGenerator<RecordBatch> {
	const input = openSource(source);
	let bytes = 0;
	if (onBytes)
		input.on('data', (chunk: Buffer) => {
			bytes += chunk.length;
			onBytes(bytes);
		});
	const parser = csvParser(sniffed, false);
	let batch: RecordBatch = { lines: [], records: [] };
	let ordinal = 0;
	const batcher = new Transform({
		objectMode: true,
		transform(record: string[], _encoding, done) {
			ordinal += 1;
			batch.lines.push(ordinal);
			batch.records.push(record);
			if (batch.records.length < BATCH) return done();
			const full = batch;
			batch = { lines: [], records: [] };
			done(null, full);
		},
		flush(done) {
			done(null, batch.records.length ? batch : undefined);
		}
	});
	// `pipeline` passes a failure of any stage on to the last one, which ends the iteration.
	const stream = pipeline(input, decoder(sniffed.encoding), parser, batcher, () => undefined);
	try {
		for await (const next of stream as AsyncIterable<RecordBatch>) yield next;
	} catch (err) {
		const lines = (err as { lines?: number }).lines;
		if ((err as { code?: string }).code?.startsWith('CSV_') || lines !== undefined)
			throw new CsvBroken(lines ?? parser.info.lines, (err as Error).message);
		throw err;
	} finally {
		stream.destroy();
	}
}
