/**
 * What an uploaded company file is before it is read: a zip (so XLSX) or text (so CSV), its
 * encoding (UTF-8 with or without BOM, else Windows-1252, which is what Danish spreadsheets save
 * as "Latin-1") and its delimiter (`;`, `,` or tab, read off the header line).
 */
import { openSource, type ImportSource } from './source';
import { looksLikeCompoundFile, looksLikeZip } from './xlsx';

export type Encoding = 'utf-8' | 'latin-1';

export interface Sniffed {
	format: 'csv' | 'xlsx';
	encoding: Encoding;
	delimiter: string;
}

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
