/**
 * The findings report: a round's findings document as the source document's slides say it —
 * one bar chart per question with n/N, headline sentences, the pinned interview quotes, the
 * municipal figures for the maps, the comparison with the previous round and the register's
 * count. The same for every reader: no SVG, no analyst-only rows. The page, the meeting
 * snapshot, the API and the CLI read it; the page draws it (`page.ts`).
 */
import type { BarChartViewModel } from '$lib/domain/charts/bar';
import type { Findings } from '$lib/domain/findings/findings';
import type { ComparisonRow, OtherText } from '$lib/domain/findings/view';
import type { QuoteListRow } from '$lib/domain/survey/view';
import type { Locale } from '$lib/format';
import { regionTotals } from '../../db/queries/companies/stats';
import { m } from '../../i18n';
import { requireRole } from '../access';
import { cachedCount } from '../companies';
import type { Ctx } from '../context';
import type { SurveyLabels } from '../survey';
import { computeFindings, previousFindings } from './findings';
import { sayHeadlines, type SaidHeadline } from './headlines';
import { quotesOfRound } from './interviews';

/** A map of the region's municipalities: what is counted per municipality, and its words. */
export interface FindingsMap {
	id: 'municipalAgreements' | 'presence';
	title: string;
	caption: string;
	regionCode: string;
	values: Record<string, number>;
}

export interface FindingsReport {
	findings: Findings;
	headlines: SaidHeadline[];
	charts: { vm: BarChartViewModel; quotes: QuoteListRow[] }[];
	maps: FindingsMap[];
	previous: { title: string; rows: ComparisonRow[] } | null;
	/** Unique companies counted by CVR in the clusters' own lists for the round's years, if any. */
	register: { unique: number; from: number; to: number } | null;
	labels: SurveyLabels;
	/** Free-text "other" answers: shown to analysts only, by the page. */
	others: OtherText[];
}

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

function maps(f: Findings, locale: Locale): FindingsMap[] {
	const o = { locale };
	const region = f.round.regionName;
	return [
		{
			id: 'municipalAgreements',
			title: m.findings_map_agreements({ region }, o),
			caption: m.findings_map_agreements_caption({}, o),
			regionCode: f.round.regionCode,
			values: f.municipalAgreements.byMunicipality
		},
		{
			id: 'presence',
			title: m.findings_map_presence({ region }, o),
			caption: m.findings_map_presence_caption({}, o),
			regionCode: f.round.regionCode,
			values: f.presence.byMunicipality
		}
	];
}

export async function findingsReport(ctx: Ctx, roundId: number): Promise<FindingsReport> {
	requireRole(ctx, 'viewer');
	const { findings: f, labels, others } = await computeFindings(ctx, roundId);
	const span = { from: f.round.sinceYear, to: f.round.year };
	const [quotes, previous, register] = await Promise.all([
		quotesOfRound(ctx, roundId),
		previousFindings(ctx, f),
		cachedCount(ctx, f.round.regionCode, `totals:${span.from}-${span.to}`, () =>
			regionTotals(ctx.db, f.round.regionCode, span)
		)
	]);
	return {
		findings: f,
		headlines: sayHeadlines(f, ctx.locale),
		charts: charts(f, labels, ctx.locale).map((vm) => ({
			vm,
			quotes: quotes.filter((q) => q.questionKey === vm.id)
		})),
		maps: maps(f, ctx.locale),
		previous: previous
			? { title: previous.round.title, rows: comparison(f, previous, ctx.locale) }
			: null,
		register: register.unique > 0 ? { unique: register.unique, ...span } : null,
		labels,
		others
	};
}
