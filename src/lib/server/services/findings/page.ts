/**
 * The findings page: the findings document turned into the source document's slides — one bar
 * chart per question with n/N and "Svar status: Gennemført", headline sentences, maps of
 * agreements and presence by municipality, pinned interview quotes, the comparison with the
 * previous round, and (for analysts) the per-cluster table.
 */
import { allows } from '$lib/domain/access';
import { barChartOption, type BarChartViewModel } from '$lib/domain/charts/bar';
import { choroplethOption } from '$lib/domain/charts/choropleth';
import type { Findings } from '$lib/domain/findings/findings';
import { AnswersSchema, isPresent } from '$lib/domain/survey/answers';
import { formatNumber, type Locale } from '$lib/format';
import { municipalityMap, regionOutlines } from '../../charts/geography';
import { renderSvg } from '../../charts/render';
import { regionTotals } from '../../db/queries/companies/stats';
import { cachedCount } from '../companies';
import { listResponses } from '../../db/queries/survey/responses';
import { listRoundsWithCounts } from '../../db/queries/survey/rounds';
import { m } from '../../i18n';
import { requireRole } from '../access';
import type { Ctx } from '../context';
import { computeFindings, defaultFindingsRound, previousFindings } from './findings';
import { sayHeadlines } from './headlines';
import { quotesOfRound } from './interviews';
import type { SurveyLabels } from '../survey';
import type {
	ChartBlock,
	ClusterRow,
	ComparisonRow,
	FindingsPageView
} from '$lib/domain/findings/view';
export type { ChartBlock, ClusterRow, ComparisonRow, FindingsPageView };

function charts(f: Findings, labels: SurveyLabels, locale: Locale): BarChartViewModel[] {
	const o = { locale };
	const n = f.completed;
	const N = f.invited;
	const footnote = m.findings_footnote({ n, invited: N }, o);
	const valueLabel = m.findings_value_label({}, o);
	const chart = (
		id: string,
		title: string,
		categories: { key: string; label: string; value: number }[]
	): BarChartViewModel => ({
		id,
		title,
		valueLabel,
		categories,
		n,
		N,
		footnote
	});
	const actor = (slug: string) => labels.actors.get(slug) ?? slug;
	return [
		chart('presence', m.findings_q_presence({ region: f.round.regionName }, o), [
			{
				key: 'inactive',
				label: m.findings_inactive({ region: f.round.regionName }, o),
				value: f.inactive
			},
			{ key: 'ownOffice', label: m.findings_own_office({}, o), value: f.presence.ownOffice },
			...Object.entries(f.presence.coLocatedWith).map(([slug, value]) => ({
				key: slug,
				label: m.findings_coloc({ actor: actor(slug) }, o),
				value
			})),
			{ key: 'other', label: m.findings_other({}, o), value: f.presence.other }
		]),
		chart('partners', m.findings_q_partners({ region: f.round.regionName }, o), [
			...Object.entries(f.partners.byActor).map(([slug, value]) => ({
				key: slug,
				label: actor(slug),
				value
			})),
			{ key: 'other', label: m.findings_other({}, o), value: f.partners.other }
		]),
		{
			...chart('members', m.findings_q_members({ region: f.round.regionName }, o), [
				{ key: 'total', label: m.findings_members_total({}, o), value: f.members.total },
				{ key: 'over50', label: m.findings_members_over50({}, o), value: f.members.over50 },
				{ key: 'under50', label: m.findings_members_under50({}, o), value: f.members.under50 }
			]),
			valueLabel: m.findings_members_value_label({}, o),
			n: f.members.clusters,
			footnote: m.findings_footnote({ n: f.members.clusters, invited: N }, o)
		},
		chart('activities', m.findings_q_activities({ region: f.round.regionName }, o), [
			...Object.entries(f.activities.byCode).map(([code, value]) => ({
				key: code,
				label: labels.activities.get(code) ?? code,
				value
			})),
			{ key: 'other', label: m.findings_other({}, o), value: f.activities.other }
		]),
		chart('agreements', m.findings_q_agreements({ region: f.round.regionName }, o), [
			{
				key: 'none',
				label: m.findings_no_agreements({ region: f.round.regionName }, o),
				value: f.agreements.clustersWithout
			},
			...Object.entries(f.agreements.byParty).map(([party, value]) => ({
				key: party,
				label:
					party === 'municipality'
						? m.findings_municipalities({ region: f.round.regionName }, o)
						: party === 'other'
							? m.findings_other({}, o)
							: actor(party),
				value
			}))
		]),
		{
			...chart(
				'municipalAgreements',
				m.findings_q_municipal({ region: f.round.regionName }, o),
				Object.entries(f.municipalAgreements.byMunicipality)
					.map(([code, value]) => ({
						key: code,
						label: labels.municipalities.get(code) ?? code,
						value
					}))
					.sort((a, b) => a.label.localeCompare(b.label, 'da'))
			),
			n: f.municipalAgreements.clusters,
			footnote: m.findings_footnote({ n: f.municipalAgreements.clusters, invited: N }, o)
		}
	];
}

async function map(
	id: string,
	title: string,
	regionCode: string,
	values: Record<string, number>,
	labels: SurveyLabels,
	locale: Locale,
	caption: string
) {
	const max = Math.max(0, ...Object.values(values));
	const svg = await renderSvg(
		choroplethOption({
			map: await municipalityMap(regionCode),
			areas: labels.municipalityList.map((mu) => ({
				code: mu.code,
				name: mu.name,
				value: values[mu.code] ?? 0
			})),
			markers: [],
			outlines: regionOutlines(regionCode),
			legendLow: '0',
			legendHigh: m.findings_legend_clusters({ count: formatNumber(max, locale) }, { locale }),
			max
		}),
		{ width: 520, height: 460 }
	);
	return { id, title, svg, caption };
}

function comparison(f: Findings, p: Findings, locale: Locale): ComparisonRow[] {
	const o = { locale };
	return [
		{ label: m.findings_cmp_completed({}, o), current: f.completed, previous: p.completed },
		{
			label: m.findings_cmp_present({}, o),
			current: f.presence.present,
			previous: p.presence.present
		},
		{ label: m.findings_members_total({}, o), current: f.members.total, previous: p.members.total },
		{
			label: m.findings_cmp_unique({}, o),
			current: f.uniqueCompanies.sum,
			previous: p.uniqueCompanies.sum
		},
		{
			label: m.findings_cmp_participants({}, o),
			current: f.participants.sum,
			previous: p.participants.sum
		},
		{
			label: m.findings_cmp_agreements({}, o),
			current: f.agreements.clustersWith,
			previous: p.agreements.clustersWith
		},
		{
			label: m.findings_cmp_municipal({}, o),
			current: f.municipalAgreements.agreements,
			previous: p.municipalAgreements.agreements
		}
	];
}

export async function getFindingsPage(ctx: Ctx, roundId: number | null): Promise<FindingsPageView> {
	requireRole(ctx, 'viewer');
	const rounds = await listRoundsWithCounts(ctx.db);
	const id = roundId ?? (await defaultFindingsRound(ctx));
	const empty = { actors: {}, municipalities: {}, activities: {} };
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
			labels: empty
		};
	const { findings: f, labels, others } = await computeFindings(ctx, id);
	const analyst = allows(ctx.actor, 'analyst');
	const span = { from: f.round.sinceYear, to: f.round.year };
	const [quotes, previous, responses, register] = await Promise.all([
		quotesOfRound(ctx, id),
		previousFindings(ctx, f),
		analyst ? listResponses(ctx.db, id) : Promise.resolve([]),
		cachedCount(ctx, f.round.regionCode, `totals:${span.from}-${span.to}`, () =>
			regionTotals(ctx.db, f.round.regionCode, span)
		)
	]);
	const blocks: ChartBlock[] = [];
	for (const vm of charts(f, labels, ctx.locale)) {
		const height = 70 + vm.categories.length * 34;
		blocks.push({
			vm,
			svg: await renderSvg(
				barChartOption(vm, (value) => formatNumber(value, ctx.locale)),
				{ width: 640, height }
			),
			quotes: quotes.filter((q) => q.questionKey === vm.id)
		});
	}
	const region = f.round.regionName;
	const maps = [
		await map(
			'municipalAgreements',
			m.findings_map_agreements({ region }, { locale: ctx.locale }),
			f.round.regionCode,
			f.municipalAgreements.byMunicipality,
			labels,
			ctx.locale,
			m.findings_map_agreements_caption({}, { locale: ctx.locale })
		),
		await map(
			'presence',
			m.findings_map_presence({ region }, { locale: ctx.locale }),
			f.round.regionCode,
			f.presence.byMunicipality,
			labels,
			ctx.locale,
			m.findings_map_presence_caption({}, { locale: ctx.locale })
		)
	];
	return {
		rounds,
		findings: f,
		headlines: sayHeadlines(f, ctx.locale),
		charts: blocks,
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
		others: analyst ? others : null,
		previous: previous
			? { title: previous.round.title, rows: comparison(f, previous, ctx.locale) }
			: null,
		register: register.unique > 0 ? { unique: register.unique, ...span } : null,
		labels: {
			actors: Object.fromEntries(labels.actors),
			municipalities: Object.fromEntries(labels.municipalities),
			activities: Object.fromEntries(labels.activities)
		}
	};
}
