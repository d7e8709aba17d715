import { describe, expect, it } from 'vitest';
import { attributeMunicipality } from './attribution';
import { parseBand, sizeGroup } from './bands';
import { cleanCvr, isValidCvr, isValidPNumber, withCheckDigit } from './cvr';
import { recogniseHeaders } from './headers';
import { normaliseName, suggestMatch } from './names';

describe('CVR numbers', () => {
	it.each([
		['10150817', true],
		['25313763', true],
		['10150818', false],
		['01234567', false],
		['1015081', false],
		['101508170', false],
		['1015O817', false],
		['', false]
	])('%s is valid: %s', (cvr, valid) => {
		expect(isValidCvr(cvr)).toBe(valid);
	});

	it('cleans what lists write around the digits', () => {
		expect(cleanCvr(' DK-10 15 08 17 ')).toBe('10150817');
		expect(cleanCvr('10.15.08.17')).toBe('10150817');
	});

	it('completes a check digit, or says there is none', () => {
		expect(withCheckDigit('1015081')).toBe('10150817');
		const all = Array.from({ length: 200 }, (_, i) => withCheckDigit(String(1000000 + i)));
		expect(all.filter((c) => c !== null).every((c) => isValidCvr(c ?? ''))).toBe(true);
		expect(all).toContain(null);
	});

	it('knows P-numbers by their 10 digits', () => {
		expect(isValidPNumber('1003388394')).toBe(true);
		expect(isValidPNumber('0003388394')).toBe(false);
		expect(isValidPNumber('100338839')).toBe(false);
	});
});

describe('employee bands', () => {
	it.each([
		['2-4', '2-4', 'lt50'],
		['2 – 4', '2-4', 'lt50'],
		['20-49', '20-49', 'lt50'],
		['50-99', '50-99', 'ge50'],
		['1.000+', '1000+', 'ge50'],
		['1000-999999', '1000+', 'ge50'],
		['', null, 'unknown'],
		['7', null, 'unknown']
	] as const)('%s → %s (%s)', (raw, band, group) => {
		expect(parseBand(raw)).toBe(band);
		expect(sizeGroup(parseBand(raw))).toBe(group);
	});
});

describe('names', () => {
	it.each([
		['Nordjysk Stål ApS', 'nordjysk staal'],
		['NORDJYSK STÅL A/S', 'nordjysk staal'],
		['Nordjysk Stål, I/S', 'nordjysk staal'],
		['Ærø Fisk A.m.b.a.', 'aeroe fisk'],
		['Søren & Co. IVS', 'soeren co']
	])('%s → %s', (name, key) => {
		expect(normaliseName(name)).toBe(key);
	});

	const register = [
		{ cvr: '10150817', name: 'Nordjysk Stål ApS', municipalityCode: '851' },
		{ cvr: '25313763', name: 'Nordjysk Stål A/S', municipalityCode: '773' },
		{ cvr: '12345674', name: 'Limfjord Data ApS', municipalityCode: '851' }
	];

	it('suggests a match by name, preferring the same municipality', () => {
		expect(suggestMatch({ name: 'NORDJYSK STAAL', municipalityCode: '773' }, register)?.cvr).toBe(
			'25313763'
		);
		expect(suggestMatch({ name: 'Limfjord Data A/S', municipalityCode: null }, register)?.cvr).toBe(
			'12345674'
		);
	});

	it('suggests nothing when two companies are equally good, or none is', () => {
		expect(suggestMatch({ name: 'Nordjysk Stål', municipalityCode: null }, register)).toBeNull();
		expect(suggestMatch({ name: 'Ukendt ApS', municipalityCode: '851' }, register)).toBeNull();
	});
});

describe('municipality attribution', () => {
	const units = new Map([['1003388394', '813']]);
	it.each([
		[{ pnr: '1003388394' }, { municipalityCode: '851' }, '813', 'production-unit'],
		[{ pnr: '9999999999' }, { municipalityCode: '851' }, '851', 'company-address'],
		[{ pnr: null }, { municipalityCode: '851' }, '851', 'company-address'],
		[{ pnr: null }, null, null, 'unknown']
	] as const)('%o at %o → %s by %s', (row, company, code, rule) => {
		expect(attributeMunicipality(row, company, units)).toEqual({ municipalityCode: code, rule });
	});
});

describe('headers', () => {
	it('recognises Danish and English headers, case and punctuation aside', () => {
		expect(
			recogniseHeaders(['\uFEFFCVR-nummer', 'P_nummer', 'Navn', 'Postnummer', 'ANSATTE', 'Noget'])
		).toEqual(['cvr', 'pnr', 'name', 'postalCode', 'employeeBand', null]);
		expect(recogniseHeaders(['cvr', 'name', 'municipality_code', 'industry_code'])).toEqual([
			'cvr',
			'name',
			'municipalityCode',
			'industryCode'
		]);
	});

	it('takes each field once', () => {
		expect(recogniseHeaders(['cvr', 'cvrnr'])).toEqual(['cvr', null]);
	});
});
