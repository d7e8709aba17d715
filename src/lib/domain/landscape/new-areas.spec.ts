import { describe, expect, it } from 'vitest';
import { likelyNewAreas } from './new-areas';

describe('likelyNewAreas', () => {
	const clusters = [
		{
			name: 'MARLOG',
			area: 'Maritime erhverv og logistik (maritime industries and logistics)',
			status: 'closed' as const,
			closedYear: 2022
		},
		{
			name: 'MADE',
			area: 'Produktion / avanceret produktion',
			status: 'active' as const,
			closedYear: null
		},
		{ name: 'Old Design', area: 'Design', status: 'closed' as const, closedYear: 2019 },
		{ name: 'New Design', area: 'Design (design)', status: 'active' as const, closedYear: null }
	];

	it('flags an area whose cluster closed with no active successor, with the applicant for the next programme', () => {
		const next = [
			{ officialName: 'MADE', area: 'Avanceret produktion', status: 'granted' },
			{
				officialName: 'Blue Tech (applicant)',
				area: 'Maritime erhverv og logistik',
				status: 'Applied in 2024',
				source: 'https://example.dk'
			}
		];
		expect(likelyNewAreas(clusters, next)).toEqual([
			{
				area: 'Maritime erhverv og logistik',
				closed: [{ name: 'MARLOG', year: 2022 }],
				applicants: [
					{ name: 'Blue Tech (applicant)', status: 'Applied in 2024', source: 'https://example.dk' }
				]
			}
		]);
	});

	it('does not flag an area an active cluster still covers', () => {
		expect(likelyNewAreas(clusters, []).map((a) => a.area)).toEqual([
			'Maritime erhverv og logistik'
		]);
	});

	it('flags nothing when every closed area is covered again', () => {
		const covered = [
			...clusters,
			{
				name: 'Blue',
				area: 'Maritime erhverv og logistik',
				status: 'active' as const,
				closedYear: null
			}
		];
		expect(likelyNewAreas(covered, [])).toEqual([]);
	});
});
