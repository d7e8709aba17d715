/**
 * Spreadsheet building blocks shared by every XLSX export: a workbook signed by Klyngeradar, a
 * sheet with a bold, frozen header row, and a provenance sheet so a copy outside the app still
 * says where its figures came from.
 */
import ExcelJS from 'exceljs';

/** Excel refuses sheet names longer than this. */
const SHEET_NAME_MAX = 31;

/** A sheet name Excel accepts: without * ? : \\ / [ ] and at most 31 characters. */
export function sheetName(name: string): string {
	return name
		.replace(/[*?:\\/[\]]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, SHEET_NAME_MAX);
}

export function newWorkbook(): ExcelJS.Workbook {
	const book = new ExcelJS.Workbook();
	book.creator = 'Klyngeradar';
	return book;
}

export function sheetWithHeader(
	book: ExcelJS.Workbook,
	name: string,
	header: string[],
	widths: number[] = []
): ExcelJS.Worksheet {
	const sheet = book.addWorksheet(sheetName(name));
	sheet.addRow(header);
	sheet.getRow(1).font = { bold: true };
	sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	if (widths.length) sheet.columns.forEach((column, i) => (column.width = widths[i] ?? 16));
	return sheet;
}

export function provenanceSheet(book: ExcelJS.Workbook, name: string, lines: string[]): void {
	const sheet = book.addWorksheet(sheetName(name));
	for (const line of lines) sheet.addRow([line]);
	sheet.getColumn(1).width = 120;
}
