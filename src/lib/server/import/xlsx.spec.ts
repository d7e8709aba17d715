import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
	BAD_XLSX_FIXTURES,
	FIXTURES_DIR,
	GOOD_XLSX_FIXTURE,
	MEMBER_CVRS,
	badFixturesReadme,
	compoundFile,
	membersWorkbook,
	minimalWorkbook,
	patchZipHeaders,
	sheetXml,
	wordDocument,
	zipBomb
} from '../../../../scripts/make-xlsx-fixtures';
import { isValidCvr } from '../../domain/companies/cvr';
import { messageByKey } from '../i18n';
import type { ImportSource } from './source';
import {
	SPREADSHEET_REFUSALS,
	SpreadsheetRejected,
	XLSX_LIMITS,
	checkXlsxContainer,
	looksLikeZip,
	xlsxRows
} from './xlsx';

const MB = 1024 * 1024;

/** The 100 MB bomb takes a while to pack; the guard test and the fixture test share one. */
let bomb: Promise<Buffer> | undefined;
const theBomb = () => (bomb ??= zipBomb(100 * MB));

async function rowsOf(source: ImportSource) {
	const rows: { line: number; cells: string[] }[] = [];
	for await (const row of xlsxRows(source)) rows.push(row);
	return rows;
}

async function bytesOf(book: ExcelJS.Workbook): Promise<ImportSource> {
	return { bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

async function zipSource(zip: JSZip): Promise<ImportSource> {
	return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) };
}

/** The check and the reader both refuse the file with `key`. */
async function expectRefused(source: ImportSource, key: string) {
	await expect(checkXlsxContainer(source)).rejects.toMatchObject({ key });
	await expect(rowsOf(source)).rejects.toBeInstanceOf(SpreadsheetRejected);
	await expect(rowsOf(source)).rejects.toMatchObject({ key });
}

describe('looksLikeZip', () => {
	it.each([
		['a zip local header', [0x50, 0x4b, 0x03, 0x04, 0x14], true],
		['an empty zip (end record first)', [0x50, 0x4b, 0x05, 0x06], false],
		['CSV text', [...Buffer.from('cvr;name')], false],
		['an OLE compound file', [0xd0, 0xcf, 0x11, 0xe0], false],
		['three bytes', [0x50, 0x4b, 0x03], false]
	])('%s → %s', (_, bytes, expected) => {
		expect(looksLikeZip(new Uint8Array(bytes))).toBe(expected);
	});
});

describe('xlsxRows', () => {
	it('reads cells as the CSV reader would have them', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Medlemmer');
		sheet.addRow(['CVR-nummer', 'Navn', 'Aktivitet', 'Dato', 'Antal']);
		sheet.addRow([70004119, 'Aalborg Vind ApS', 'Netværk', new Date(Date.UTC(2023, 2, 1)), 1.5]);
		sheet.addRow([
			'  70016443 ',
			{ richText: [{ text: 'Nordjysk ' }, { font: { bold: true }, text: 'Energi' }] },
			{ formula: 'B3&" A/S"', result: 'Nordjysk Energi A/S' },
			{ formula: 'DATE(2023,4,1)', result: new Date(Date.UTC(2023, 3, 1)) },
			{ formula: '2*3', result: 6 }
		]);
		sheet.addRow([]);
		sheet.addRow([]);
		sheet.getCell('A6').value = 70024667;
		sheet.getCell('C6').value = 'Matchmaking';
		sheet.getCell('A7').value = { text: 'Hirtshals Havneservice', hyperlink: 'https://example.dk' };
		sheet.getCell('B7').value = true;
		sheet.getCell('C7').value = { error: '#N/A' };
		sheet.getCell('D7').value = -0.000001;
		sheet.getCell('E7').value = 1e21;
		sheet.getCell('A8').value = '   ';
		sheet.getCell('B9').value = 0.1 + 0.2;
		expect(await rowsOf(await bytesOf(book))).toEqual([
			{ line: 1, cells: ['CVR-nummer', 'Navn', 'Aktivitet', 'Dato', 'Antal'] },
			{ line: 2, cells: ['70004119', 'Aalborg Vind ApS', 'Netværk', '2023-03-01', '1.5'] },
			{
				line: 3,
				cells: ['70016443', 'Nordjysk Energi', 'Nordjysk Energi A/S', '2023-04-01', '6']
			},
			{ line: 6, cells: ['70024667', '', 'Matchmaking'] },
			{
				line: 7,
				cells: ['Hirtshals Havneservice', 'true', '', '-0.000001', '1000000000000000000000']
			},
			{ line: 9, cells: ['', '0.3'] }
		]);
	});

	it('reads shared and inline strings, and numbers as other programs write them', async () => {
		const rows = [
			'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Navn</t></is></c><c r="C1" t="s"><v>1</v></c></row>',
			'<row r="2"><c r="A2"><v>1.2345678E7</v></c><c r="B2" t="inlineStr"><is><t xml:space="preserve"> Aalborg Vind ApS </t></is></c><c r="C2" t="s"><v>2</v></c></row>',
			'<row r="3"><c r="A3" t="s"><v>3</v></c><c r="C3" t="b"><v>0</v></c><c r="D3" t="e"><v>#VALUE!</v></c></row>',
			'<row r="4"><c r="A4" t="str"><f>A3</f><v>70016443</v></c><c r="B4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C4"><f>1+1</f></c></row>',
			'<row r="5" spans="1:3"><c r="A5" s="0"/><c r="B5" t="s"><v>4</v></c></row>'
		].join('');
		const zip = minimalWorkbook(sheetXml(rows), {
			sharedStrings: ['CVR-nummer', 'Aktivitet', 'Netværk & matchmaking', '70016443', '']
		});
		expect(await rowsOf(await zipSource(zip))).toEqual([
			{ line: 1, cells: ['CVR-nummer', 'Navn', 'Aktivitet'] },
			{ line: 2, cells: ['12345678', 'Aalborg Vind ApS', 'Netværk & matchmaking'] },
			{ line: 3, cells: ['70016443', '', 'false'] },
			{ line: 4, cells: ['70016443'] }
		]);
	});

	it('reads the first sheet the user can see, and dates of the 1904 date system', async () => {
		const book = new ExcelJS.Workbook();
		book.properties.date1904 = true;
		book.addWorksheet('Noter', { state: 'hidden' }).addRow(['Skjult note']);
		const members = book.addWorksheet('Medlemmer');
		members.addRow(['CVR-nummer', 'Dato']);
		members.addRow(['70004119', new Date(Date.UTC(2023, 11, 31))]);
		book.addWorksheet('Andet').addRow(['Næste ark']);
		expect(await rowsOf(await bytesOf(book))).toEqual([
			{ line: 1, cells: ['CVR-nummer', 'Dato'] },
			{ line: 2, cells: ['70004119', '2023-12-31'] }
		]);
	});

	it('can stop after the header', async () => {
		const source = { path: join(FIXTURES_DIR, GOOD_XLSX_FIXTURE) };
		const seen: string[][] = [];
		for await (const row of xlsxRows(source)) {
			seen.push(row.cells);
			break;
		}
		expect(seen).toEqual([['CVR-nummer', 'Navn', 'Aktivitet', 'Dato']]);
	});

	it('streams a sheet of 200,000 rows with æ, ø and å across every chunk boundary', async () => {
		const count = 200_000;
		const sheet = Readable.from(
			(function* () {
				yield Buffer.from(sheetXml('').replace('</sheetData></worksheet>', ''));
				yield Buffer.from(
					'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
				);
				for (let from = 2; from <= count + 1; from += 5000) {
					let xml = '';
					for (let n = from; n < from + 5000 && n <= count + 1; n++)
						xml += `<row r="${n}"><c r="A${n}"><v>${10_000_000 + n}</v></c><c r="B${n}" t="inlineStr"><is><t>Æblegården Øster Åby ${n}</t></is></c><c r="C${n}" t="s"><v>${3 + (n % 2)}</v></c></row>`;
					yield Buffer.from(xml);
				}
				yield Buffer.from('</sheetData></worksheet>');
			})()
		);
		const zip = minimalWorkbook(sheet, {
			sharedStrings: ['CVR-nummer', 'Navn', 'Aktivitet', 'Netværksmøde', 'Søfart']
		});
		const source = {
			bytes: await zip.generateAsync({
				type: 'uint8array',
				compression: 'DEFLATE',
				compressionOptions: { level: 1 }
			})
		};
		let rows = 0;
		let wrong = 0;
		let last: { line: number; cells: string[] } | undefined;
		for await (const row of xlsxRows(source)) {
			rows += 1;
			last = row;
			const n = row.line;
			if (
				n > 1 &&
				(row.cells[0] !== String(10_000_000 + n) ||
					row.cells[1] !== `Æblegården Øster Åby ${n}` ||
					row.cells[2] !== (n % 2 ? 'Søfart' : 'Netværksmøde'))
			)
				wrong += 1;
		}
		expect({ rows, wrong, last }).toEqual({
			rows: count + 1,
			wrong: 0,
			last: {
				line: count + 1,
				cells: [String(10_000_000 + count + 1), `Æblegården Øster Åby ${count + 1}`, 'Søfart']
			}
		});
	}, 60_000);
});

describe('the container check', () => {
	it('refuses a zip bomb before unpacking it', async () => {
		const bytes = await theBomb();
		expect(bytes.length).toBeLessThan(1 * MB);
		await expectRefused({ bytes }, 'import_xlsx_bomb');
		const refused = await checkXlsxContainer({ bytes }).catch((err: unknown) => err);
		expect(refused).toMatchObject({ params: { max: XLSX_LIMITS.maxExpansionRatio } });
		expect((refused as SpreadsheetRejected).params.ratio).toBeGreaterThan(500);
	}, 30_000);

	it('refuses a file that is not a zip', async () => {
		await expectRefused(
			{ bytes: Buffer.from('CVR-nummer;Navn\n70004119;Aalborg Vind ApS\n') },
			'import_xlsx_not_zip'
		);
		await expectRefused({ bytes: new Uint8Array() }, 'import_xlsx_not_zip');
	});

	it('refuses an old .xls or a workbook with a password to open', async () => {
		await expectRefused({ bytes: compoundFile() }, 'import_xlsx_old_format');
	});

	it('refuses a zip without a worksheet', async () => {
		await expectRefused({ bytes: await wordDocument() }, 'import_xlsx_no_sheet');
		const plain = new JSZip();
		plain.file('members.csv', 'cvr;name\n70004119;Aalborg Vind ApS\n');
		await expectRefused(await zipSource(plain), 'import_xlsx_no_sheet');
		const sheetless = minimalWorkbook(sheetXml(''));
		sheetless.remove('xl/worksheets/sheet1.xml');
		await expectRefused(await zipSource(sheetless), 'import_xlsx_no_sheet');
	});

	it('refuses a truncated workbook', async () => {
		const good = await membersWorkbook();
		await expectRefused({ bytes: good.subarray(0, good.length - 100) }, 'import_xlsx_damaged');
	});

	it('refuses encrypted entries', async () => {
		const encrypted = patchZipHeaders(
			await membersWorkbook(),
			(name) => name === 'xl/worksheets/sheet1.xml',
			{ setFlags: 1 }
		);
		await expectRefused({ bytes: encrypted }, 'import_xlsx_encrypted');
	});

	it('refuses more entries than a workbook has', async () => {
		const zip = minimalWorkbook(sheetXml(''));
		for (let i = 0; i < XLSX_LIMITS.maxEntries; i++) zip.file(`xl/media/image${i}.png`, 'x');
		const source = await zipSource(zip);
		await expectRefused(source, 'import_xlsx_too_many_entries');
		await expect(checkXlsxContainer(source)).rejects.toMatchObject({
			// JSZip adds an entry for each folder as well.
			params: { count: Object.keys(zip.files).length, max: XLSX_LIMITS.maxEntries }
		});
	});

	it('refuses a workbook too large unpacked, even when it packs no tighter than a real one', async () => {
		// 8 MB of picture (not packable) and a sheet that says it unpacks to 600 MB from 7 MB.
		const zip = minimalWorkbook(sheetXml(''));
		zip.file('xl/media/image1.png', randomBytes(8 * MB), { compression: 'STORE' });
		const tooBig = patchZipHeaders(
			await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
			(name) => name === 'xl/worksheets/sheet1.xml',
			{ compressedSize: 7 * MB, uncompressedSize: 600 * MB }
		);
		await expect(checkXlsxContainer({ bytes: tooBig })).rejects.toMatchObject({
			key: 'import_xlsx_too_big',
			params: { max: '512 MB' }
		});
	});

	it('refuses shared strings too large to keep in memory', async () => {
		const zip = minimalWorkbook(sheetXml(''), { sharedStrings: ['CVR-nummer'] });
		zip.file('xl/media/image1.png', randomBytes(2 * MB), { compression: 'STORE' });
		const bytes = patchZipHeaders(
			await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
			(name) => name === 'xl/sharedStrings.xml',
			{ compressedSize: 2 * MB, uncompressedSize: 130 * MB }
		);
		await expect(checkXlsxContainer({ bytes })).rejects.toMatchObject({
			key: 'import_xlsx_too_big',
			params: { max: '128 MB' }
		});
	});

	it('stops a part that unpacks to more than its directory says', async () => {
		const good = await membersWorkbook();
		const lying = patchZipHeaders(good, (name) => name === 'xl/worksheets/sheet1.xml', {
			uncompressedSize: 200
		});
		await expect(checkXlsxContainer({ bytes: lying })).resolves.toBeUndefined();
		await expect(rowsOf({ bytes: lying })).rejects.toMatchObject({ key: 'import_xlsx_damaged' });
	});

	it('ends the reading when a part turns out damaged', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Medlemmer');
		for (let i = 0; i < 3000; i++) sheet.addRow([70004119, `Virksomhed ${i}`, 'Netværk']);
		const bytes = Buffer.from(await book.xlsx.writeBuffer());
		// The sheet is most of the file: its packed data is overwritten here.
		bytes.fill(0xff, Math.floor(bytes.length * 0.4), Math.floor(bytes.length * 0.4) + 200);
		await expect(checkXlsxContainer({ bytes })).resolves.toBeUndefined();
		await expect(rowsOf({ bytes })).rejects.toMatchObject({ key: 'import_xlsx_damaged' });
	});

	it('has a message in both languages for every refusal', () => {
		const said = SPREADSHEET_REFUSALS.map((key) => [
			key,
			Boolean(messageByKey(key, { ratio: 686, max: 100, count: 1005 }, 'da')),
			Boolean(messageByKey(key, { ratio: 686, max: 100, count: 1005 }, 'en'))
		]);
		expect(said).toEqual(SPREADSHEET_REFUSALS.map((key) => [key, true, true]));
		expect(messageByKey('import_xlsx_bomb', { ratio: 686, max: 100 }, 'da')).toContain('686 gange');
	});
});

describe('the XLSX fixtures', () => {
	const good = join(FIXTURES_DIR, GOOD_XLSX_FIXTURE);
	const bad = join(FIXTURES_DIR, 'bad', 'xlsx');

	it('reads the good list: five members with valid CVR numbers', async () => {
		const [header, ...rows] = await rowsOf({ path: good });
		expect(header?.cells).toEqual(['CVR-nummer', 'Navn', 'Aktivitet', 'Dato']);
		expect(rows.map((row) => row.cells[0])).toEqual(MEMBER_CVRS);
		expect(rows.every((row) => isValidCvr(row.cells[0] ?? ''))).toBe(true);
		expect(rows[3]?.cells).toEqual([
			'70036991',
			'Søndergaard & Østergaard I/S',
			'Innovationsforløb',
			'2023-09-12'
		]);
	});

	it.each(BAD_XLSX_FIXTURES.map(({ file, key }) => [file, key]))(
		'refuses %s with %s',
		async (file, key) => {
			await expectRefused({ path: join(bad, file) }, key);
		}
	);

	it('are what scripts/make-xlsx-fixtures.ts writes', async () => {
		expect(readFileSync(good).equals(await membersWorkbook())).toBe(true);
		for (const fixture of BAD_XLSX_FIXTURES) {
			const made = fixture.file === 'members-zip-bomb.xlsx' ? theBomb() : fixture.make();
			const same = readFileSync(join(bad, fixture.file)).equals(await made);
			expect([fixture.file, same]).toEqual([fixture.file, true]);
		}
		expect(readFileSync(join(bad, 'README.md'), 'utf8')).toBe(badFixturesReadme());
		expect(readFileSync(join(bad, 'members-zip-bomb.xlsx')).length).toBeLessThan(200 * 1024);
	}, 30_000);
});
