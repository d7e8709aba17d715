/**
 * The follow-up dashboards of a region: agreements by municipality (with a map), by cluster and by
 * effort, each with the worst KPI status of its agreements, and the committed budget per paying
 * party and year. Counts come from SQL; statuses from the KPI rule.
 */
import { choroplethOption } from '$lib/domain/charts/choropleth';
import { worstStatus, type KpiStatus } from '$lib/domain/agreements/kpi';
import { formatDate, formatNumber } from '$lib/format';
import { renderSvg } from '../../charts/render';
import { municipalityMap, regionOutlines } from '../../charts/geography';
import { listAgreements } from '../../db/queries/agreements/agreements';
import {
	agreementsByCluster,
	agreementsByEffort,
	agreementsByMunicipality,
	budgetByPartyYear,
	type GroupCount
} from '../../db/queries/agreements/dashboards';
import { m } from '../../i18n';
import { requireRole } from '../access';
import { loadKpiBoard } from './kpis';
import { agreementOptions, partyLabel } from './options';
import type { Ctx } from '../context';

export interface DashboardRow {
	key: string;
	name: string;
	agreements: number;
	active: number;
	status: KpiStatus;
	agreementIds: number[];
}

export interface Dashboards {
	region: { code: string; name: string };
	byMunicipality: DashboardRow[];
	byCluster: DashboardRow[];
	byEffort: DashboardRow[];
	budget: {
		years: number[];
		rows: { party: string; label: string; byYear: Record<number, number>; total: number }[];
		totalsByYear: Record<number, number>;
		total: number;
	};
	/** How many KPIs of the live agreements are on track, at risk, off track or without data. */
	kpiCounts: Record<KpiStatus, number>;
	mapSvg: string;
	provenance: string;
}

export async function getDashboards(
	ctx: Ctx,
	regionCode: string,
	now = new Date()
): Promise<Dashboards> {
	requireRole(ctx, 'viewer');
	const { options } = await agreementOptions(ctx, regionCode);
	const code = options.region.code;
	const [byMunicipality, byCluster, byEffort, budget, rows] = await Promise.all([
		agreementsByMunicipality(ctx.db, code),
		agreementsByCluster(ctx.db, code),
		agreementsByEffort(ctx.db, code),
		budgetByPartyYear(ctx.db, code),
		listAgreements(ctx.db, { regionCode: code })
	]);
	const live = rows.filter((r) => r.status !== 'cancelled');
	const board = await loadKpiBoard(ctx, live);
	const statusOf = new Map(
		live.map((r) => [
			r.id,
			worstStatus((board.get(r.id) ?? []).flatMap((g) => g.kpis.map((k) => k.assessment.status)))
		])
	);
	const kpiCounts: Record<KpiStatus, number> = {
		'on-track': 0,
		'at-risk': 0,
		'off-track': 0,
		'no-data': 0
	};
	for (const goals of board.values())
		for (const kpi of goals.flatMap((g) => g.kpis)) kpiCounts[kpi.assessment.status] += 1;
	const withStatus = (group: GroupCount[], name?: (g: GroupCount) => string): DashboardRow[] =>
		group.map((g) => ({
			...g,
			name: name ? name(g) : g.name,
			status: worstStatus(g.agreementIds.map((id) => statusOf.get(id) ?? 'no-data'))
		}));
	const effortTitle = (g: GroupCount) =>
		options.efforts.find((e) => e.code === g.key)?.title ?? g.key;
	const years = [...new Set(budget.map((b) => b.year))].sort((a, b) => a - b);
	const parties = [...new Set(budget.map((b) => b.party))];
	const budgetRows = parties
		.map((party) => {
			const byYear = Object.fromEntries(
				years.map((y) => [y, budget.find((b) => b.party === party && b.year === y)?.amountDkk ?? 0])
			);
			return {
				party,
				label: partyLabel(party, options),
				byYear,
				total: Object.values(byYear).reduce((s, v) => s + v, 0)
			};
		})
		.sort((a, b) => b.total - a.total);
	const totalsByYear = Object.fromEntries(
		years.map((y) => [y, budget.filter((b) => b.year === y).reduce((s, b) => s + b.amountDkk, 0)])
	);
	const max = Math.max(0, ...byMunicipality.map((g) => g.agreements));
	const mapSvg = await renderSvg(
		choroplethOption({
			map: await municipalityMap(code),
			areas: byMunicipality.map((g) => ({ code: g.key, name: g.name, value: g.agreements })),
			markers: [],
			outlines: regionOutlines(code),
			legendLow: '0',
			legendHigh: m.agreements_legend(
				{ count: formatNumber(max, ctx.locale) },
				{ locale: ctx.locale }
			),
			max
		}),
		{ width: 520, height: 460 }
	);
	return {
		region: options.region,
		byMunicipality: withStatus(byMunicipality),
		byCluster: withStatus(byCluster),
		byEffort: withStatus(byEffort, effortTitle),
		budget: {
			years,
			rows: budgetRows,
			totalsByYear,
			total: budgetRows.reduce((s, r) => s + r.total, 0)
		},
		kpiCounts,
		mapSvg,
		provenance: m.agreements_provenance(
			{
				active: live.filter((r) => r.status === 'active').length,
				total: live.length,
				date: formatDate(now, ctx.locale)
			},
			{ locale: ctx.locale }
		)
	};
}
