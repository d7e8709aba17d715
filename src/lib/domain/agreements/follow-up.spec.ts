import { describe, expect, it } from 'vitest';
import { followUpItems, type FollowUpAgreement } from './follow-up';

const agreement = (over: Partial<FollowUpAgreement> = {}): FollowUpAgreement => ({
	id: 1,
	title: 'Rammeaftale',
	cluster: 'ECD',
	startsOn: '2026-01-01',
	endsOn: '2027-01-31',
	status: 'active',
	responsible: 'ana@x.dk',
	reviewedYears: [],
	kpis: [
		{
			id: 7,
			name: 'Virksomheder',
			dueOn: '2027-01-01',
			frequency: 'quarterly',
			manual: true,
			measurements: []
		},
		{
			id: 8,
			name: 'Medlemmer',
			dueOn: '2027-01-01',
			frequency: 'quarterly',
			manual: false,
			measurements: []
		}
	],
	...over
});

describe('followUpItems', () => {
	it('lists measurements due, the ending and the reviews within the horizon; overdue ones flagged', () => {
		const items = followUpItems([agreement()], '2026-12-01', 90);
		expect(items.map((i) => [i.key, i.overdue])).toEqual([
			['kpi:7:2026-04-01', true],
			['review:1:2026', false],
			['ends:1:2027-01-31', false],
			['review:1:2027', false]
		]);
	});

	it('skips reviewed years, automatic KPIs, finished KPIs and agreements that are not active', () => {
		const done = agreement({
			reviewedYears: [2026],
			kpis: [
				{
					id: 7,
					name: 'Virksomheder',
					dueOn: '2027-01-01',
					frequency: 'quarterly',
					manual: true,
					measurements: [
						{
							measuredOn: '2027-01-05',
							value: 1,
							isEstimate: false,
							comment: null,
							provenance: { kind: 'manual', by: 'x' }
						}
					]
				}
			]
		});
		expect(followUpItems([done], '2026-12-01', 30).map((i) => i.key)).toEqual([]);
		expect(followUpItems([agreement({ status: 'draft' })], '2026-12-01', 90)).toEqual([]);
	});
});
