/**
 * Reading a CSV company file as a stream of records, in the encoding and with the delimiter
 * `sniff` found, in batches with the line each one starts on.
 */
import { parse } from 'csv-parse';
import { Transform, pipeline } from 'node:stream';
import { openSource, type ImportSource } from './source';
import type { Encoding, Sniffed } from './sniff';

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

/** Records per batch, for CSV and XLSX alike. */
export const RECORDS_PER_BATCH = 2000;

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
			if (batch.records.length < RECORDS_PER_BATCH) return done();
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
