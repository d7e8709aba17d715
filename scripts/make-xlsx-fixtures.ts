/**
 * Writes the XLSX fixtures of the member-list import: a good list,
 * tests/fixtures/imports/members-xlsx-2023.xlsx, and the bad files in
 * tests/fixtures/imports/bad/xlsx/ with their README. The builders are shared with
 * src/lib/server/xlsx-rows.spec.ts, which also checks that the committed files are what this
 * script writes. Every zip entry is dated FIXED_DATE, so a second run writes the same bytes.
 *
 *   npx tsx scripts/make-xlsx-fixtures.ts
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

export const FIXED_DATE = new Date(Date.UTC(2024, 0, 2));
const MB = 1024 * 1024;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The zip's bytes, every entry dated FIXED_DATE. */
export async function zipBytes(zip: JSZip): Promise<Buffer> {
	zip.forEach((_, file) => {
		file.date = FIXED_DATE;
	});
	return zip.generateAsync({
		type: 'nodebuffer',
		compression: 'DEFLATE',
		compressionOptions: { level: 9 }
	});
}

/** A workbook as exceljs writes it (the way most of our users' tools do), dated FIXED_DATE. */
export async function excelBytes(book: ExcelJS.Workbook): Promise<Buffer> {
	book.creator = 'Klyngeradar';
	book.created = FIXED_DATE;
	book.modified = FIXED_DATE;
	return zipBytes(await JSZip.loadAsync(await book.xlsx.writeBuffer()));
}

export const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A worksheet part around the given `<row>` elements. */
export const sheetXml = (rows: string) =>
	`${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;

/**
 * The smallest workbook Excel opens, written part by part, with one sheet "Medlemmer": for cells
 * the way other programs write them (inline strings, numbers with an exponent), and for files
 * that no spreadsheet program would write.
 */
export function minimalWorkbook(
	sheet: string | Readable,
	options: { sharedStrings?: string[] } = {}
): JSZip {
	const { sharedStrings } = options;
	const zip = new JSZip();
	const strings = sharedStrings
		? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
		: '';
	zip.file(
		'[Content_Types].xml',
		`${XML_HEAD}<Types xmlns="${CONTENT_TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${strings}</Types>`
	);
	zip.file(
		'_rels/.rels',
		`${XML_HEAD}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	);
	zip.file(
		'xl/workbook.xml',
		`${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Medlemmer" sheetId="1" r:id="rId1"/></sheets></workbook>`
	);
	zip.file(
		'xl/_rels/workbook.xml.rels',
		`${XML_HEAD}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`
	);
	zip.file('xl/worksheets/sheet1.xml', sheet);
	if (sharedStrings)
		zip.file(
			'xl/sharedStrings.xml',
			`${XML_HEAD}<sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('')}</sst>`
		);
	return zip;
}

/** CVR numbers of the demo lists (tests/fixtures/imports/members-*-2023.csv), all modulus-11 valid. */
export const MEMBER_CVRS = ['70004119', '70016443', '70024667', '70036991', '70028778'];

/** The good list: five members, the first CVR stored as a number and one date as a date cell. */
export function membersWorkbook(): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	const sheet = book.addWorksheet('Medlemmer 2023');
	sheet.addRow(['CVR-nummer', 'Navn', 'Aktivitet', 'Dato']);
	sheet.addRow([Number(MEMBER_CVRS[0]), 'Aalborg Vind ApS', 'Netværksmøde', '2023-03-01']);
	sheet.addRow([MEMBER_CVRS[1], 'Nordjysk Energi A/S', 'Netværksmøde', '2023-03-01']);
	sheet.addRow([MEMBER_CVRS[2], 'Limfjordens Robotter ApS', 'Matchmaking', '2023-04-18']);
	sheet.addRow([
		MEMBER_CVRS[3],
		'Søndergaard & Østergaard I/S',
		'Innovationsforløb',
		new Date(Date.UTC(2023, 8, 12))
	]);
	sheet.addRow([MEMBER_CVRS[4], 'Hirtshals Havneservice ApS', 'Matchmaking', '2023-10-05']);
	sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
	return excelBytes(book);
}

/**
 * A zip bomb: a sheet of `unpacked` bytes (100 MB) of identical empty rows that packs to about
 * 150 KB, generated as a stream so it is never whole in memory or on disk.
 */
export function zipBomb(unpacked = 100 * MB): Promise<Buffer> {
	const run = Buffer.from('<row/>'.repeat(10_000));
	const sheet = Readable.from(
		(function* () {
			yield Buffer.from(
				`${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>CVR-nummer</t></is></c></row>`
			);
			for (let at = 0; at < unpacked; at += run.length) yield run;
			yield Buffer.from('</sheetData></worksheet>');
		})()
	);
	return zipBytes(minimalWorkbook(sheet));
}

/** A Word document: a zip, but no workbook in it. */
export function wordDocument(): Promise<Buffer> {
	const zip = new JSZip();
	zip.file(
		'[Content_Types].xml',
		`${XML_HEAD}<Types xmlns="${CONTENT_TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	);
	zip.file(
		'_rels/.rels',
		`${XML_HEAD}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`
	);
	zip.file(
		'word/document.xml',
		`${XML_HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Medlemmer 2023: Aalborg Vind ApS, Nordjysk Energi A/S</w:t></w:r></w:p></w:body></w:document>`
	);
	return zipBytes(zip);
}

/** The start of an OLE compound file: how Excel saves a workbook with a password to open it. */
export function compoundFile(): Buffer {
	const header = Buffer.alloc(512);
	Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
	return header;
}

export interface HeaderPatch {
	/** Bits to set in the general purpose flags (1: encrypted). */
	setFlags?: number;
	compressedSize?: number;
	uncompressedSize?: number;
}

/**
 * A copy of a zip whose headers claim what its data is not — encrypted, or another size — for
 * entries whose name passes `which`; both the local headers and the central directory are changed.
 * Walks the structure JSZip writes (sizes in the local headers, no zip64, no comment).
 */
export function patchZipHeaders(
	zip: Buffer,
	which: (name: string) => boolean,
	patch: HeaderPatch
): Buffer {
	const out = Buffer.from(zip);
	const apply = (flagsAt: number, sizesAt: number, name: string) => {
		if (!which(name)) return;
		if (patch.setFlags) out.writeUInt16LE(out.readUInt16LE(flagsAt) | patch.setFlags, flagsAt);
		if (patch.compressedSize !== undefined) out.writeUInt32LE(patch.compressedSize, sizesAt);
		if (patch.uncompressedSize !== undefined)
			out.writeUInt32LE(patch.uncompressedSize, sizesAt + 4);
	};
	const end = out.length - 22;
	if (out.readUInt32LE(end) !== 0x06054b50) throw new Error('not a zip as JSZip writes one');
	const entries = out.readUInt16LE(end + 10);
	let at = out.readUInt32LE(end + 16);
	for (let i = 0; i < entries; i++) {
		const nameLength = out.readUInt16LE(at + 28);
		const name = out.toString('utf8', at + 46, at + 46 + nameLength);
		const local = out.readUInt32LE(at + 42);
		apply(local + 6, local + 18, name);
		apply(at + 8, at + 20, name);
		at += 46 + nameLength + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
	}
	return out;
}

export interface BadFixture {
	file: string;
	/** The message key the import must refuse the file with. */
	key: string;
	what: string;
	make: () => Promise<Buffer> | Buffer;
}

export const BAD_XLSX_FIXTURES: BadFixture[] = [
	{
		file: 'members-zip-bomb.xlsx',
		key: 'import_xlsx_bomb',
		what: 'a workbook whose sheet unpacks from about 150 KB to 100 MB of identical empty rows',
		make: () => zipBomb()
	},
	{
		file: 'members-not-a-zip.xlsx',
		key: 'import_xlsx_not_zip',
		what: 'an HTML table saved with an .xlsx name, as some web systems export "Excel" files',
		make: () =>
			Buffer.from(
				'<html><body><table><tr><td>CVR-nummer</td><td>Navn</td></tr><tr><td>70004119</td><td>Aalborg Vind ApS</td></tr></table></body></html>\n'
			)
	},
	{
		file: 'members-no-sheet.xlsx',
		key: 'import_xlsx_no_sheet',
		what: 'a Word document (.docx) renamed to .xlsx: a zip without a workbook',
		make: () => wordDocument()
	},
	{
		file: 'members-truncated.xlsx',
		key: 'import_xlsx_damaged',
		what: 'the first half of the good list members-xlsx-2023.xlsx, as after an interrupted upload',
		make: async () => {
			const good = await membersWorkbook();
			return good.subarray(0, Math.floor(good.length / 2));
		}
	},
	{
		file: 'members-encrypted.xlsx',
		key: 'import_xlsx_encrypted',
		what: 'the good list with every zip entry marked as encrypted',
		make: async () => patchZipHeaders(await membersWorkbook(), () => true, { setFlags: 1 })
	},
	{
		file: 'members-password.xlsx',
		key: 'import_xlsx_old_format',
		what: 'an OLE compound file, which is how Excel saves a workbook with a password to open (and the old .xls format)',
		make: () => compoundFile()
	}
];

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'imports');
export const GOOD_XLSX_FIXTURE = 'members-xlsx-2023.xlsx';

export function badFixturesReadme(): string {
	return [
		'# Bad XLSX member lists',
		'',
		'Written by `npx tsx scripts/make-xlsx-fixtures.ts`; each must be refused with the message key given.',
		'',
		...BAD_XLSX_FIXTURES.map(({ file, key, what }) => `- \`${file}\`: ${what} → \`${key}\``),
		''
	].join('\n');
}

async function main() {
	const bad = join(FIXTURES_DIR, 'bad', 'xlsx');
	mkdirSync(bad, { recursive: true });
	writeFileSync(join(FIXTURES_DIR, GOOD_XLSX_FIXTURE), await membersWorkbook());
	console.log(`tests/fixtures/imports/${GOOD_XLSX_FIXTURE}`);
	for (const fixture of BAD_XLSX_FIXTURES) {
		writeFileSync(join(bad, fixture.file), await fixture.make());
		console.log(`tests/fixtures/imports/bad/xlsx/${fixture.file}`);
	}
	writeFileSync(join(bad, 'README.md'), badFixturesReadme());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
