import { describe, expect, it } from 'vitest';
import { AgreementInputSchema, checkAgreement, type AgreementContext } from './agreement';

const valid = {
	title: 'Rammeaftale om grøn omstilling',
	cluster: 'energy-cluster-denmark',
	parties: ['brn', 'municipality:851'],
	municipalities: ['851', '813'],
	startsOn: '2027-01-01',
	endsOn: '2028-12-31',
	budget: [
		{ party: 'brn', year: 2027, amountDkk: 250000 },
		{ party: 'municipality:851', year: 2028, amountDkk: 100000 }
	]
};
const context: AgreementContext = {
	regionCode: '1081',
	clusters: new Set(['energy-cluster-denmark']),
	actors: new Set(['brn', 'region-nordjylland']),
	municipalities: new Set(['851', '813']),
	efforts: new Set(['green-circular']),
	models: new Set(['framework-agreement']),
	users: new Set()
};

describe('AgreementInputSchema', () => {
	it('accepts a valid agreement', () => {
		expect(AgreementInputSchema.safeParse(valid).success).toBe(true);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['dates reversed', { startsOn: '2028-01-01', endsOn: '2027-01-01' }, 'endsOn'],
		[
			'a negative amount',
			{ budget: [{ party: 'brn', year: 2027, amountDkk: -1 }] },
			'budget.0.amountDkk'
		],
		[
			'a year outside the period',
			{ budget: [{ party: 'brn', year: 2030, amountDkk: 1 }] },
			'budget.0.year'
		],
		[
			'a payer who is not a party',
			{ budget: [{ party: 'region-nordjylland', year: 2027, amountDkk: 1 }] },
			'budget.0.party'
		],
		[
			'the same party and year twice',
			{
				budget: [
					{ party: 'brn', year: 2027, amountDkk: 1 },
					{ party: 'brn', year: 2027, amountDkk: 2 }
				]
			},
			'budget.1.year'
		],
		['no party', { parties: [] }, 'parties'],
		['a date that is not a date', { startsOn: '2027-02-30' }, 'startsOn']
	])('refuses %s on the field', (_name, change, path) => {
		const result = AgreementInputSchema.safeParse({ ...valid, ...change });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
	});
});

describe('checkAgreement', () => {
	it('names unknown parties, municipalities outside the region, efforts and models', () => {
		const input = AgreementInputSchema.parse({
			...valid,
			parties: ['brn', 'municipality:101', 'nobody'],
			municipalities: ['851', '101'],
			efforts: ['tourism'],
			modelCode: 'no-such-model',
			budget: []
		});
		expect(checkAgreement(input, context).map((i) => [i.path.join('.'), i.params])).toEqual([
			['modelCode', { value: 'no-such-model' }],
			['parties', { values: 'municipality:101, nobody' }],
			['municipalities', { values: '101' }],
			['efforts', { values: 'tourism' }]
		]);
	});
});
