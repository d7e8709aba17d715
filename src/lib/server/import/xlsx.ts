/**
 * Member and participant lists saved as Excel workbooks (.xlsx), read row by row.
 *
 * An XLSX file is a zip of XML parts. Before anything is unpacked, the zip's central directory is
 * held to `XLSX_LIMITS`: a zip bomb (a small file that unpacks to gigabytes), an encrypted or
 * damaged file, or a zip that is no workbook (a renamed .docx) is refused with a message key that
 * the import says in the user's language.
 *
 * The parts are unpacked with yauzl: it knows the number of entries before reading any of them,
 * and it stops a part as soon as it unpacks to more than the size its directory entry declares,
 * so a file that lies about its sizes gets no further than one that tells the truth.
 *
 * The XML is parsed by the steps of exceljs's streaming `WorkbookReader`, called one part at a
 * time in the order the reading needs (workbook, styles, shared strings, then the sheet), rather
 * than through its own iterator, which reads the zip front to back from the local headers without
 * checking their sizes, copies every sheet stored before the shared strings (where Excel puts
 * them) unpacked to a temporary file that stays behind when the reading stops early, and decodes
 * each chunk of bytes on its own, so an æ, ø or å split between two chunks comes out as "�"
 * (exceljs issues 2063 and 2316). Here each part is decoded as one UTF-8 stream.
 */
import ExcelJS from 'exceljs';
import excelUtils from 'exceljs/lib/utils/utils.js';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { RECORDS_PER_BATCH, type RecordBatch } from './csv';
import type { ImportSource } from './source';

const MB = 1024 * 1024;

export const XLSX_LIMITS = {
	/**
	 * Every part of the file unpacked. A 200,000-row list unpacks to about 40 MB and a sheet of
	 * Excel's full million rows to a few hundred; the limit bounds the work a file can ask for.
	 */
	maxUncompressedBytes: 512 * MB,
	/**
	 * Unpacked size over packed size, of the whole file and of each part. Sheet XML packs 5–30
	 * times, a zip bomb about 1,000 times; Apache POI refuses at the same ratio.
	 */
	maxExpansionRatio: 100,
	/** Entries in the zip: a workbook has about a dozen, plus a few per sheet, picture or comment. */
	maxEntries: 1000,
	/** Parts smaller than this unpacked are not held to the ratio: a short run of XML packs tightly. */
	ratioFreeBytes: 1 * MB,
	/** The shared strings (each distinct text in the workbook) stay in memory while the sheet is read. */
	maxSharedStringsBytes: 128 * MB
} as const;

/** Every refusal, by the key of the message that explains it (`messages/da.json`). */
export const SPREADSHEET_REFUSALS = [
	'import_xlsx_not_zip',
	'import_xlsx_old_format',
	'import_xlsx_damaged',
	'import_xlsx_encrypted',
	'import_xlsx_too_many_entries',
	'import_xlsx_bomb',
	'import_xlsx_too_big',
	'import_xlsx_no_sheet'
] as const;

export type SpreadsheetRefusal = (typeof SPREADSHEET_REFUSALS)[number];

/** A refusal the import turns into a message in the user's language. */
export class SpreadsheetRejected extends Error {
	constructor(
		readonly key: SpreadsheetRefusal,
		readonly params: Record<string, string | number> = {},
		options?: ErrorOptions
	) {
		super(key, options);
		this.name = 'SpreadsheetRejected';
	}
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) =>
	bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

/** True when the first bytes are a zip local-file header (PK\x03\x04) — how the import tells XLSX from CSV. */
export function looksLikeZip(firstBytes: Uint8Array): boolean {
	return startsWith(firstBytes, ZIP_LOCAL_HEADER);
}

/**
 * True for an OLE compound file: the old .xls format, and how Excel saves a workbook protected
 * with a password to open. `checkXlsxContainer` refuses one with its own message.
 */
export function looksLikeCompoundFile(firstBytes: Uint8Array): boolean {
	return startsWith(firstBytes, COMPOUND_FILE);
}

interface Container {
	zip: yauzl.ZipFile;
	/** The entries by part name in lower case: part names in a workbook ignore case. */
	parts: Map<string, yauzl.Entry>;
}

async function firstBytes(source: ImportSource, count: number): Promise<Uint8Array> {
	if ('bytes' in source) return source.bytes.subarray(0, count);
	const file = await open(source.path, 'r');
	try {
		const { buffer, bytesRead } = await file.read(Buffer.alloc(count), 0, count, 0);
		return buffer.subarray(0, bytesRead);
	} finally {
		await file.close();
	}
}

const damaged = (cause?: unknown) =>
	new SpreadsheetRejected('import_xlsx_damaged', {}, cause === undefined ? undefined : { cause });

const asRejection = (err: unknown) => (err instanceof SpreadsheetRejected ? err : damaged(err));

const megabytes = (bytes: number) => `${bytes / MB} MB`;

/** A sheet part, wherever the workbook keeps its sheets (Excel: xl/worksheets/sheet1.xml). */
const SHEET_PART = /(^|\/)worksheets\/[^/]+\.xml$/;

/** Reads the central directory and holds it to the limits; nothing is unpacked. */
async function checkedParts(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
	if (zip.entryCount > XLSX_LIMITS.maxEntries)
		throw new SpreadsheetRejected('import_xlsx_too_many_entries', {
			count: zip.entryCount,
			max: XLSX_LIMITS.maxEntries
		});
	const parts = new Map<string, yauzl.Entry>();
	let unpacked = 0;
	let ratio = 0;
	try {
		for await (const entry of zip.eachEntry()) {
			if (entry.isEncrypted()) throw new SpreadsheetRejected('import_xlsx_encrypted');
			// Deflate and stored are all Excel writes; anything else is no workbook we can read.
			if (!entry.canDecodeFileData()) throw damaged();
			const name = entry.fileName.toLowerCase();
			// Two entries of one name: which one a reader takes is up to the reader, so none is taken.
			if (parts.has(name)) throw damaged();
			parts.set(name, entry);
			unpacked += entry.uncompressedSize;
			if (entry.uncompressedSize > XLSX_LIMITS.ratioFreeBytes)
				ratio = Math.max(ratio, entry.uncompressedSize / Math.max(1, entry.compressedSize));
		}
	} catch (err) {
		throw asRejection(err);
	}
	if (unpacked > XLSX_LIMITS.ratioFreeBytes)
		ratio = Math.max(ratio, unpacked / Math.max(1, zip.fileSize));
	if (ratio > XLSX_LIMITS.maxExpansionRatio)
		throw new SpreadsheetRejected('import_xlsx_bomb', {
			ratio: Math.round(ratio),
			max: XLSX_LIMITS.maxExpansionRatio
		});
	if (unpacked > XLSX_LIMITS.maxUncompressedBytes)
		throw new SpreadsheetRejected('import_xlsx_too_big', {
			max: megabytes(XLSX_LIMITS.maxUncompressedBytes)
		});
	const strings = [...parts.entries()].find(([name]) => name.endsWith('sharedstrings.xml'))?.[1];
	if (strings && strings.uncompressedSize > XLSX_LIMITS.maxSharedStringsBytes)
		throw new SpreadsheetRejected('import_xlsx_too_big', {
			max: megabytes(XLSX_LIMITS.maxSharedStringsBytes)
		});
	if (!parts.has('xl/workbook.xml') || ![...parts.keys()].some((name) => SHEET_PART.test(name)))
		throw new SpreadsheetRejected('import_xlsx_no_sheet');
	return parts;
}

/** Opens the zip and checks its directory; the caller closes `zip`. */
async function openContainer(source: ImportSource): Promise<Container> {
	const head = await firstBytes(source, COMPOUND_FILE.length);
	if (looksLikeCompoundFile(head)) throw new SpreadsheetRejected('import_xlsx_old_format');
	if (!looksLikeZip(head)) throw new SpreadsheetRejected('import_xlsx_not_zip');
	// lazyEntries: the entries are read one at a time, after their number has been checked;
	// autoClose off: the parts are opened after the directory has been read.
	const options = { lazyEntries: true, autoClose: false };
	let zip: yauzl.ZipFile;
	try {
		zip =
			'path' in source
				? await yauzl.openPromise(source.path, options)
				: await yauzl.fromBufferPromise(
						Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength),
						options
					);
	} catch (err) {
		// It starts like a zip but has no readable directory: most often an upload cut short.
		throw damaged(err);
	}
	try {
		return { zip, parts: await checkedParts(zip) };
	} catch (err) {
		zip.close();
		throw err;
	}
}

/**
 * Reads the zip's central directory (without inflating) and refuses: not a zip / damaged,
 * encrypted entries, too many entries, declared uncompressed total above the limit, or a
 * declared compression ratio (total and per entry) above the limit. Also refuses an xlsx without
 * a worksheet (e.g. a renamed .docx or plain zip), and an old .xls or password-protected workbook.
 */
export async function checkXlsxContainer(source: ImportSource): Promise<void> {
	const { zip } = await openContainer(source);
	zip.close();
}

interface Relationship {
	Id: string;
	Type: string;
	Target: string;
}

/**
 * The steps of exceljs's streaming `WorkbookReader` (exceljs 4.4.0, pinned) called here one part
 * at a time; each takes the part's text as a stream and keeps what it read on the reader.
 */
interface ReaderSteps {
	model?: { sheets?: { name: string; rId: string; state?: string }[] };
	workbookRels?: Relationship[];
	properties?: { model?: { date1904?: boolean } };
	sharedStrings?: unknown[];
	_parseRels(part: Readable): Promise<void>;
	_parseWorkbook(part: Readable): Promise<void>;
	_parseStyles(part: Readable): Promise<void>;
	_parseSharedStrings(part: Readable): AsyncIterable<unknown>;
	_parseWorksheet(
		part: Readable,
		sheetNo: string
	): Iterable<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

function readerSteps(): ReaderSteps {
	// The reader never reads its input: the parts are handed to its steps.
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
		worksheets: 'emit',
		sharedStrings: 'cache',
		hyperlinks: 'ignore',
		// Dates are numbers with a date format: the styles say which.
		styles: 'cache',
		entries: 'ignore'
	});
	const steps = reader as unknown as ReaderSteps;
	const needed = [
		'_parseRels',
		'_parseWorkbook',
		'_parseStyles',
		'_parseSharedStrings',
		'_parseWorksheet'
	] as const;
	if (!needed.every((step) => typeof steps[step] === 'function'))
		throw new Error('exceljs no longer has the streaming reader steps import/xlsx.ts calls');
	return steps;
}

/** A relationship's target as a part name ("worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"). */
function partName(target: string): string {
	const name = target.startsWith('/') ? target.slice(1) : posix.join('xl', target);
	return posix.normalize(name).toLowerCase();
}

const relationOf = (rels: Relationship[], type: string) =>
	rels.find((rel) => rel.Type?.endsWith(`/${type}`));

/** The first worksheet in tab order that the user can see (chart sheets are no worksheets). */
function firstWorksheet(steps: ReaderSteps): string | undefined {
	const rels = new Map((steps.workbookRels ?? []).map((rel) => [rel.Id, rel]));
	const sheets = (steps.model?.sheets ?? [])
		.map((sheet) => ({ sheet, rel: rels.get(sheet.rId) }))
		.filter(({ rel }) => rel?.Type?.endsWith('/worksheet'));
	const first = sheets.find(({ sheet }) => !sheet.state || sheet.state === 'visible') ?? sheets[0];
	return first?.rel && partName(first.rel.Target);
}

/**
 * Numbers as plain decimals, the way a CSV file has them: no exponent, no thousands separator,
 * and at most the 15 significant digits Excel itself keeps and shows (so 0.1 + 0.2 is "0.3").
 */
const PLAIN_NUMBER = new Intl.NumberFormat('en-US', {
	useGrouping: false,
	maximumSignificantDigits: 15
});

function plainNumber(value: number): string {
	if (!Number.isFinite(value)) return '';
	return PLAIN_NUMBER.format(value === 0 ? 0 : value);
}

function isoDate(date: Date): string {
	const year = date.getUTCFullYear();
	// exceljs gives a sheet's dates as UTC midnight; an impossible one has no text.
	return year >= 1 && year <= 9999 ? date.toISOString().slice(0, 10) : '';
}

/** A cell's value as text by the rules CSV rows are checked by. */
function valueText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return plainNumber(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) return isoDate(value);
	if (typeof value !== 'object') return '';
	if ('richText' in value && Array.isArray(value.richText))
		return value.richText
			.map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : ''))
			.join('');
	if ('formula' in value || 'sharedFormula' in value) {
		const result = 'result' in value ? value.result : undefined;
		// The reader makes a date of a date-formatted number, but not of a formula's result.
		if (typeof result === 'number' && excelUtils.isDateFmt(numFmt))
			return isoDate(excelUtils.excelToDate(result, date1904));
		return valueText(result, undefined, date1904);
	}
	// A hyperlink shows its text.
	if ('text' in value) return valueText(value.text, numFmt, date1904);
	// An error such as #N/A reads as an empty cell: the row's checks say so if the field is needed.
	return '';
}

/** The row's texts by column, "" where a cell is missing, up to the last cell with text. */
function rowTexts(row: ExcelJS.Row, date1904: boolean): string[] {
	const cells: string[] = [];
	row.eachCell((cell, column) => {
		// Trimmed like the CSV reader's fields.
		const text = valueText(cell.value, cell.numFmt, date1904).trim();
		if (!text) return;
		while (cells.length < column - 1) cells.push('');
		cells[column - 1] = text;
	});
	return cells;
}

/**
 * The first worksheet's rows as arrays of cell texts, header row first, streaming, skipping rows
 * whose cells are all empty. Each yielded row carries its 1-based sheet row number. The file is
 * checked as by `checkXlsxContainer` first; a part that turns out damaged while it is read ends
 * the iteration with `import_xlsx_damaged`.
 */
export async function* xlsxRows(
	source: ImportSource
): AsyncGenerator<{ line: number; cells: string[] }> {
	const { zip, parts } = await openContainer(source);
	const opened: Readable[] = [];
	const entryOf = (name: string | undefined) => (name ? parts.get(name.toLowerCase()) : undefined);
	/**
	 * A part's text, opened only right before a step reads it: a part starts unpacking as soon as it
	 * is opened, and an error it meets then (such as more bytes than declared) must find the step
	 * already listening.
	 */
	const text = async (entry: yauzl.Entry) => {
		const stream = await zip.openReadStreamPromise(entry);
		// The step's own listener reports an error; this one keeps an error after the reading has
		// stopped from ending the process.
		stream.on('error', () => {});
		stream.setEncoding('utf8');
		opened.push(stream);
		return stream;
	};
	try {
		const steps = readerSteps();
		const rels = entryOf('xl/_rels/workbook.xml.rels');
		const book = entryOf('xl/workbook.xml');
		if (!rels || !book) throw new SpreadsheetRejected('import_xlsx_no_sheet');
		await steps._parseRels(await text(rels));
		await steps._parseWorkbook(await text(book));
		const sheet = entryOf(firstWorksheet(steps));
		if (!sheet) throw new SpreadsheetRejected('import_xlsx_no_sheet');
		const workbookRels = steps.workbookRels ?? [];
		const stylesRel = relationOf(workbookRels, 'styles');
		const styles = entryOf(stylesRel ? partName(stylesRel.Target) : 'xl/styles.xml');
		if (styles) await steps._parseStyles(await text(styles));
		steps.sharedStrings = [];
		const stringsRel = relationOf(workbookRels, 'sharedStrings');
		const strings = entryOf(stringsRel ? partName(stringsRel.Target) : 'xl/sharedStrings.xml');
		// With sharedStrings: 'cache' the step keeps the strings on the reader and yields nothing.
		if (strings) for await (const _ of steps._parseSharedStrings(await text(strings)));
		const date1904 = steps.properties?.model?.date1904 === true;
		const [emitted] = steps._parseWorksheet(await text(sheet), '1');
		if (!emitted) throw new SpreadsheetRejected('import_xlsx_no_sheet');
		let line = 0;
		for await (const row of emitted.value) {
			// A row without its number (allowed, rarely written) follows the one before.
			line = Number.isInteger(row.number) && row.number > line ? row.number : line + 1;
			const cells = rowTexts(row, date1904);
			if (cells.length) yield { line, cells };
		}
	} catch (err) {
		throw asRejection(err);
	} finally {
		for (const stream of opened) stream.destroy();
		zip.close();
	}
}

/** The first worksheet's rows in batches like a CSV file's, each with its sheet row number. */
export async function* xlsxBatches(source: ImportSource): AsyncGenerator<RecordBatch> {
	let batch: RecordBatch = { lines: [], records: [] };
	for await (const row of xlsxRows(source)) {
		batch.lines.push(row.line);
		batch.records.push(row.cells);
		if (batch.records.length >= RECORDS_PER_BATCH) {
			yield batch;
			batch = { lines: [], records: [] };
		}
	}
	if (batch.records.length) yield batch;
}
