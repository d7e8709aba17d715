import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import probe from '../../../tests/fixtures/security/csv-injection.json';
import { neutraliseFormula, toCsv } from './csv';

/** The cells of a CSV text as a spreadsheet's import would split them. */
function cells(text: string): string[][] {
	return parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true });
}

describe('neutraliseFormula', () => {
	it.each(['=', '+', '-', '@', '\t', '\r'])('prefixes a cell starting with %j', (start) => {
		expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
	});

	it.each(probe.formulas)('prefixes the probe value %j', (value) => {
		expect(neutraliseFormula(value)).toBe(`'${value}`);
	});

	it.each(probe.safe)('keeps %j as it is', (value) => {
		expect(neutraliseFormula(value)).toBe(value);
	});
});

describe('toCsv', () => {
	it.each(probe.formulas)('writes %j as text, in its own cell', (value) => {
		const [row] = cells(toCsv([['before', value, 'after']]));
		expect(row).toEqual(['before', `'${value}`, 'after']);
	});

	it('keeps numbers and booleans as they are, and a negative number unquoted', () => {
		const text = toCsv([[-5, 0, 3.5, true, false, null, '-5']], { bom: false });
		expect(text).toBe("-5;0;3.5;true;false;;'-5\n");
	});

	it('starts with a BOM and uses ; unless told otherwise', () => {
		expect(toCsv([['a', 'b']])).toBe('\uFEFFa;b\n');
		expect(toCsv([['a', 'b']], { delimiter: ',', bom: false })).toBe('a,b\n');
	});

	it('quotes a value that holds the delimiter, so it cannot open a new cell', () => {
		const text = toCsv([['x;=1+1', 'y"\n=2']], { bom: false });
		expect(cells(text)).toEqual([['x;=1+1', 'y"\n=2']]);
	});
});
