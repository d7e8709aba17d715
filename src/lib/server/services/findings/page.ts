/**
 * The findings page: the findings report drawn — each bar chart and map as SVG — with the round
 * list, and for analysts the per-cluster table and the free-text answers.
 */
import { allows } from '$lib/domain/access';
import { barChartOption } from '$lib/domain/charts/bar';
import { AnswersSchema, isPresent } from '$lib/domain/survey/answers';
import { formatNumber } from '$lib/format';
import { renderSvg } from '../../charts/render';
import { listResponses } from '../../db/queries/survey/responses';
import { listRoundsWithCounts } from '../../db/queries/survey/rounds';
import { requireRole } from '../access';
import type { Ctx } from '../context';
import { defaultFindingsRound } from './findings';
import { drawFindingsMap } from './maps';
import { findingsReport } from './report';
import type {
	ChartBlock,
	ClusterRow,
	ComparisonRow,
	FindingsPageView
} from '$lib/domain/findings/view';
export type { ChartBlock, ClusterRow, ComparisonRow, FindingsPageView };

export async function getFindingsPage(ctx: Ctx, roundId: number | null): Promise<FindingsPageView> {
	requireRole(ctx, 'viewer');
	const rounds = await listRoundsWithCounts(ctx.db);
	const id = roundId ?? (await defaultFindingsRound(ctx));
	if (id === null)
		return {
			rounds,
			findings: null,
			headlines: [],
			charts: [],
			maps: [],
			clusters: null,
			others: null,
			previous: null,
			register: null,
			labels: { actors: {}, municipalities: {}, activities: {} }
		};
	const analyst = allows(ctx.actor, 'analyst');
	const [report, responses] = await Promise.all([
		findingsReport(ctx, id),
		analyst ? listResponses(ctx.db, id) : Promise.resolve([])
	]);
	const { labels } = report;
	const charts: ChartBlock[] = [];
	for (const { vm, quotes } of report.charts) {
		const height = 70 + vm.categories.length * 34;
		charts.push({
			vm,
			svg: await renderSvg(
				barChartOption(vm, (value) => formatNumber(value, ctx.locale)),
				{ width: 640, height }
			),
			quotes
		});
	}
	const maps = [];
	for (const map of report.maps) maps.push(await drawFindingsMap(map, labels, ctx.locale));
	return {
		rounds,
		findings: report.findings,
		headlines: report.headlines,
		charts,
		maps,
		clusters: analyst
			? responses.map((r) => {
					const answers = r.status === 'not_started' ? null : AnswersSchema.parse(r.answers);
					return {
						slug: r.clusterSlug,
						name: r.shortName,
						status: r.status,
						answers,
						present: isPresent(answers?.presence ?? null)
					};
				})
			: null,
		others: analyst ? report.others : null,
		previous: report.previous,
		register: report.register,
		labels: {
			actors: Object.fromEntries(labels.actors),
			municipalities: Object.fromEntries(labels.municipalities),
			activities: Object.fromEntries(labels.activities)
		}
	};
}
