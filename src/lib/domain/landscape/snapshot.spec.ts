import { describe, expect, it } from 'vitest';
import { landscapeRanges, fundingTotal } from './ranges';
import { activeIn, emptyFilter, figureAsOf, landscapeSnapshot, programmeCounts } from './snapshot';
import type { Cluster, Figure, Programme } from './types';

let nextId = 1;
const fig = (
	metric: Figure['metric'],
	year: number | null,
	value: number,
	extra: Partial<Figure> = {}
): Figure => ({
	id: nextId++,
	metric,
	year,
	value,
	unit:
		metric.startsWith('funding') || metric === 'project_portfolio' || metric === 'equity'
			? 'dkk'
			: 'count',
	qualifier: 'exact',
	isEstimate: false,
	sourceKind: 'url',
	sourceUrl: 'https://example.dk',
	sourceLabel: null,
	note: null,
	updatedAt: '2026-01-01T00:00:00Z',
	...extra
});

const cluster = (slug: string, extra: Partial<Cluster> = {}): Cluster => ({
	id: nextId++,
	slug,
	name: slug.toUpperCase(),
	shortName: slug.toUpperCase(),
	area: 'Energi',
	emerging: false,
	emergingUncertain: false,
	emergingNote: null,
	status: 'active',
	closedYear: null,
	statusNote: null,
	website: null,
	organisationForm: null,
	formed: null,
	focus: null,
	notes: null,
	sources: [],
	origin: 'reference',
	edited: false,
	version: 1,
	updatedAt: '2026-01-01T00:00:00Z',
	programmes: [{ programmeCode: 'p2021', status: 'designated', note: null, source: null }],
	offices: [],
	figures: [],
	activities: [],
	stageOverride: null,
	...extra
});

const programmes: Programme[] = [
	{
		code: 'p2021',
		name: '2021–2024',
		fromYear: 2021,
		toYear: 2024,
		designatedCount: 14,
		countsByYear: { '2021': 14, '2022': 13, '2023': 13, '2024': 13 }
	},
	{ code: 'p2025', name: '2025–2028', fromYear: 2025, toYear: 2028, designatedCount: 11 }
];

describe('figures as of a year', () => {
	const figures = [fig('members', 2020, 400), fig('members', 2023, 445), fig('members', null, 250)];
	it.each([
		[2019, 250],
		[2020, 400],
		[2022, 400],
		[2023, 445],
		[null, 445]
	])('members as of %s = %s', (year, value) => {
		expect(figureAsOf(figures, 'members', year)?.value).toBe(value);
	});
});

describe('landscape snapshots', () => {
	const clusters = [
		cluster('alpha', {
			figures: [fig('employees', 2020, 40), fig('project_portfolio', 2020, 800e6)],
			offices: [
				{
					id: 1,
					label: 'Aalborg',
					municipalityCode: '851',
					municipalityName: 'Aalborg',
					regionCode: '1081',
					isHq: true,
					fromYear: null
				}
			]
		}),
		cluster('closed', { status: 'closed', closedYear: 2022 }),
		cluster('emerging', { emerging: true, figures: [fig('employees', 2023, 7)] }),
		cluster('next', {
			programmes: [
				{ programmeCode: 'p2021', status: 'designated', note: null, source: null },
				{ programmeCode: 'p2025', status: 'granted', note: null, source: null }
			]
		}),
		cluster('maybe', {
			programmes: [{ programmeCode: 'p2025', status: 'uncertain', note: null, source: null }]
		})
	];

	it('shows the closed cluster as active before it closed, closed in its closing year, and not after', () => {
		expect(activeIn(clusters[1] as Cluster, 2021, programmes)).toBe(true);
		const in2022 = landscapeSnapshot(clusters, programmes, { ...emptyFilter, asOf: 2022 });
		expect(in2022.find((s) => s.cluster.slug === 'closed')?.statusAsOf).toBe('closed');
		const in2023 = landscapeSnapshot(clusters, programmes, { ...emptyFilter, asOf: 2023 });
		expect(in2023.map((s) => s.cluster.slug)).toEqual(
			['ALPHA', 'EMERGING', 'NEXT'].map((s) => s.toLowerCase())
		);
	});

	it('counts designated, identified and unidentified clusters per programme and year', () => {
		expect(programmeCounts(clusters, programmes, 2021)).toEqual([
			expect.objectContaining({
				code: 'p2021',
				count: 14,
				identified: 4,
				uncertain: 0,
				unidentified: 10
			})
		]);
		expect(programmeCounts(clusters, programmes, 2023)[0]).toMatchObject({
			count: 13,
			identified: 3,
			unidentified: 10
		});
		expect(programmeCounts(clusters, programmes, 2026)[0]).toMatchObject({
			code: 'p2025',
			count: 11,
			identified: 1,
			uncertain: 1,
			unidentified: 9
		});
	});

	it('filters by stage, region, emerging and programme', () => {
		const all = landscapeSnapshot(clusters, programmes, emptyFilter);
		expect(all.find((s) => s.cluster.slug === 'alpha')?.stage).toBe('mature');
		expect(
			landscapeSnapshot(clusters, programmes, { ...emptyFilter, stage: 'mature' }).map(
				(s) => s.cluster.slug
			)
		).toEqual(['alpha']);
		expect(
			landscapeSnapshot(clusters, programmes, { ...emptyFilter, region: '1081' }).map(
				(s) => s.cluster.slug
			)
		).toEqual(['alpha']);
		expect(
			landscapeSnapshot(clusters, programmes, { ...emptyFilter, emerging: 'yes' }).map(
				(s) => s.cluster.slug
			)
		).toEqual(['emerging']);
		expect(
			landscapeSnapshot(clusters, programmes, { ...emptyFilter, programme: 'p2025' }).map(
				(s) => s.cluster.slug
			)
		).toEqual(['maybe', 'next']);
	});

	it('lets an override win over the derived stage, keeping both', () => {
		const overridden = cluster('over', {
			stageOverride: {
				stage: 'mature',
				reason: 'Kendt fra interview',
				decidedByLabel: 'a@b.dk',
				decidedAt: '2026-01-01'
			}
		});
		const [summary] = landscapeSnapshot([overridden], programmes, emptyFilter);
		expect(summary?.stage).toBe('mature');
		expect(summary?.maturity.stage).toBe('developing');
	});
});

describe('ranges', () => {
	it('finds smallest and largest with n of N and the funding ratio', () => {
		const clusters = [
			cluster('a', {
				figures: [
					fig('employees', 2023, 7),
					fig('funding_public_grant', 2021, 2e6),
					fig('funding_project_income', 2021, 3e6)
				]
			}),
			cluster('b', {
				figures: [
					fig('employees', 2020, 45, { qualifier: 'approx' }),
					fig('funding_total', 2021, 125e6)
				]
			}),
			cluster('c')
		];
		const ranges = landscapeRanges(landscapeSnapshot(clusters, programmes, emptyFilter));
		expect(ranges.employees).toMatchObject({ n: 2, of: 3, estimates: 1, years: [2020, 2023] });
		expect(ranges.employees.min?.figure.value).toBe(7);
		expect(ranges.employees.max?.slug).toBe('b');
		expect(ranges.fundingRatio).toMatchObject({
			ratio: 25,
			n: 2,
			of: 3,
			smallest: { slug: 'a', total: 5e6 }
		});
		expect(ranges.members).toMatchObject({ n: 0, min: null, max: null });
	});

	it('sums funding components of the newest year only', () => {
		expect(
			fundingTotal([
				fig('funding_public_grant', 2021, 1e6),
				fig('funding_public_grant', 2023, 2e6),
				fig('funding_other', 2023, 1e6)
			])
		).toEqual({ total: 3e6, year: 2023 });
		expect(fundingTotal([fig('funding_public_grant', null, 1e6)])).toBeNull();
	});
});
