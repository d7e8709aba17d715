/**
 * The one way to write CSV in Klyngeradar, so every export is safe to open in a spreadsheet.
 * Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return as a formula: a planted `=HYPERLINK(…)` or `=cmd|…` in a free-text answer would
 * run on the analyst's machine. Such cells get a single quote in front (OWASP's rule), which makes
 * the spreadsheet show text. csv-stringify quotes delimiters, quotes and line breaks inside a cell,
 * so a value cannot open a new cell with a formula character either. Importing `csv-stringify`
 * anywhere else is a lint error.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A string cell as a spreadsheet should read it: with a leading `'` when it would start a formula.
 * Only strings: a number the app holds as a number (a count, -5) is written as itself and stays a
 * number. A string that looks numeric ("-5" typed into a free-text field) is still neutralised –
 * telling harmless numbers from formulas such as `-2+3+cmd|…` by pattern is how filters get
 * bypassed, and the text field's value is text anyway.
 */
export function neutraliseFormula(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Rows as CSV text, every string cell through `neutraliseFormula`. The defaults are for Danish
 * Excel: a BOM, or it reads UTF-8 as Latin-1 and mangles æøå, and `;`, its list separator.
 */
export function toCsv(
	rows: CsvCell[][],
	options: { delimiter?: string; bom?: boolean } = {}
): string {
	const text = stringify(rows, {
		delimiter: options.delimiter ?? ';',
		cast: {
			string: neutraliseFormula,
			boolean: (value) => (value ? 'true' : 'false')
		}
	});
	return (options.bom ?? true) ? `\uFEFF${text}` : text;
}
