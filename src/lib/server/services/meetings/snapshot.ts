/**
 * Collects a meeting's snapshot from the same services the pages use (landscape, programme,
 * findings, fit, recommendations, agreements), in the meeting's language. Nothing here computes a
 * figure of its own: the deck shows what the pages showed on the day.
 */
import {
	SNAPSHOT_FORMAT,
	type DeckSnapshot,
	type LandscapePart
} from '$lib/domain/meetings/snapshot';
import type { Stage } from '$lib/domain/landscape/types';
import type { Locale } from '$lib/format';
import { NotFoundError } from '$lib/domain/errors';
import { lastCompletedAnswerAt } from '../../db/queries/survey/rounds';
import { getConfig } from '../../config';
import { listActorsOfRegion } from '../../db/queries/reference/geography';
import { getDashboards, listAgreementItems } from '../agreements';
import type { Ctx } from '../context';
import { drawFindingsMap, findingsReport } from '../findings';
import { fitDocument, loadFitInputs } from '../fit';
import { getLandscape, getProgrammeHistory } from '../landscape';
import { checklistLabel } from '$lib/labels/collaboration';
import { recommendationsOf } from '../collaboration';
import { checklistCodes } from '$lib/domain/collaboration/catalogue';

async function landscapePart(ctx: Ctx, now: Date): Promise<LandscapePart> {
	const [landscape, programme] = await Promise.all([
		getLandscape(ctx, { status: 'active' }, now),
		getProgrammeHistory(ctx, now)
	]);
	const stages: Record<Stage | 'unknown', number> = {
		emerging: 0,
		developing: 0,
		mature: 0,
		unknown: 0
	};
	for (const s of landscape.clusters) stages[s.stage ?? 'unknown'] += 1;
	const updated = landscape.clusters.map((s) => s.cluster.updatedAt).sort();
	const range = (metric: 'employees' | 'members' | 'boardSize') => {
		const r = landscape.ranges[metric];
		return {
			metric,
			min: r.min ? { name: r.min.name, value: r.min.figure.value } : null,
			max: r.max ? { name: r.max.name, value: r.max.figure.value } : null,
			n: r.n,
			of: r.of,
			estimates: r.estimates
		};
	};
	return {
		updatedAt: updated.at(-1) ?? null,
		clusters: landscape.clusters.map((s) => ({
			slug: s.cluster.slug,
			name: s.cluster.shortName,
			area: s.cluster.area,
			stage: s.stage,
			members: s.figures.members?.value ?? null,
			employees: s.figures.employees?.value ?? null
		})),
		programmes: programme.programmes.map((p) => ({
			name: p.name,
			fromYear: p.fromYear,
			toYear: p.toYear,
			clusters: p.count
		})),
		history: programme.history.map((h) => ({ from: h.from, to: h.to, label: h.label })),
		coreTask: programme.coreTask,
		economy: programme.economy,
		businessModels: programme.businessModels,
		funding: programme.fundingStreams.map((f) => ({ label: f.label, amountDkk: f.amountDkk })),
		next: programme.next,
		ranges: [range('employees'), range('members'), range('boardSize')],
		fundingRatio: {
			ratio: landscape.ranges.fundingRatio.ratio,
			n: landscape.ranges.fundingRatio.n,
			of: landscape.ranges.fundingRatio.of
		},
		stages
	};
}

async function surveyPart(ctx: Ctx, roundId: number | null): Promise<DeckSnapshot['survey']> {
	if (roundId === null) return null;
	const [report, lastAnswerAt] = await Promise.all([
		findingsReport(ctx, roundId),
		lastCompletedAnswerAt(ctx.db, roundId)
	]);
	const f = report.findings;
	const maps = [];
	for (const map of report.maps) maps.push(await drawFindingsMap(map, report.labels, ctx.locale));
	return {
		round: {
			id: f.round.id,
			title: f.round.title,
			year: f.round.year,
			isDemo: f.round.isDemo,
			n: f.completed,
			N: f.invited,
			lastAnswerAt: lastAnswerAt?.toISOString() ?? null
		},
		headlines: report.headlines,
		register: report.register,
		charts: report.charts.map((c) => c.vm),
		maps,
		quotes: report.charts.flatMap((c) =>
			c.quotes.map((q) => ({ text: q.text, cluster: q.clusterName, questionKey: q.questionKey }))
		),
		figures: {
			completed: f.completed,
			present: f.presence.present,
			membersTotal: f.members.total,
			uniqueCompanies: f.uniqueCompanies.sum,
			participants: f.participants.sum,
			clustersWithAgreements: f.agreements.clustersWith,
			municipalAgreements: f.municipalAgreements.agreements
		}
	};
}

/** Fit, recommendations and agreements need a strategy; a region without one has none of them. */
async function strategyParts(ctx: Ctx, regionCode: string) {
	try {
		const inputs = await loadFitInputs(ctx, regionCode);
		const fit = fitDocument(ctx, inputs);
		const recs = await recommendationsOf(ctx, inputs);
		const totals = new Map(fit.clusters.map((c) => [c.slug, c.total]));
		return {
			fit: {
				strategyVersion: fit.strategyVersion,
				strategyIsExample: fit.provenance.strategyIsExample,
				efforts: fit.efforts,
				clusters: fit.clusters,
				cells: fit.cells.map((c) => ({
					cluster: c.cluster,
					effort: c.effort,
					score: c.shown,
					confidence: c.confidence
				}))
			},
			recommendations: {
				rows: recs.items
					.map((item) => {
						const [top, alternative] = item.options;
						const option = (o: typeof top) =>
							o ? { code: o.model, name: o.name, score: o.suitability } : null;
						return {
							cluster: item.cluster,
							name: item.name,
							fitTotal: totals.get(item.cluster) ?? 0,
							top: option(top),
							alternative: option(alternative),
							unmet: (top?.checklist ?? []).filter((c) => !c.met).map((c) => c.label),
							decision: item.decision
								? (item.decision.chosenModelName ?? item.decision.decision)
								: null
						};
					})
					.sort((a, b) => b.fitTotal - a.fitTotal || a.name.localeCompare(b.name, 'da')),
				checklist: checklistCodes.map((code) => ({
					code,
					label: checklistLabel(code, ctx.locale)
				}))
			}
		};
	} catch (error) {
		if (error instanceof NotFoundError) return { fit: null, recommendations: null };
		throw error;
	}
}

async function agreementsPart(ctx: Ctx, regionCode: string) {
	const [items, dashboards] = await Promise.all([
		listAgreementItems(ctx, { region: regionCode }),
		getDashboards(ctx, regionCode)
	]);
	const live = items.filter((a) => a.status !== 'cancelled');
	return {
		region: dashboards.region,
		rows: live.map((a) => ({
			title: a.title,
			cluster: a.cluster.name,
			model: a.modelName,
			status: a.status,
			kpiStatus: a.kpiStatus,
			kpis: a.kpis,
			endsOn: a.endsOn,
			isDemo: a.isDemo
		})),
		kpiCounts: dashboards.kpiCounts,
		budget: {
			years: dashboards.budget.years,
			parties: dashboards.budget.rows.map((r) => ({
				label: r.label,
				byYear: Object.fromEntries(Object.entries(r.byYear).map(([y, v]) => [y, v]))
			}))
		}
	};
}

export async function takeSnapshot(
	ctx: Ctx,
	regionCode: string,
	roundId: number | null,
	locale: Locale,
	now = new Date()
): Promise<DeckSnapshot> {
	const c: Ctx = { ...ctx, locale };
	const [landscape, survey, strategy, { region, ...agreements }, actors] = await Promise.all([
		landscapePart(c, now),
		surveyPart(c, roundId),
		strategyParts(c, regionCode),
		agreementsPart(c, regionCode),
		listActorsOfRegion(ctx.db, regionCode)
	]);
	// Who presents the deck: the organisation's own setting, the installation's, a regional
	// body presenting its own region, else the region's business-promotion body (BRN in North
	// Jutland) as the actors name it.
	const own = ctx.organisation;
	const presenter =
		own?.settings.deckOrganisation ??
		getConfig().deck.organisation ??
		(own?.kind === 'regional' && own.regionCode === regionCode ? own.name : undefined) ??
		actors.find((a) => a.kind === 'regional-collaboration')?.name;
	return {
		format: SNAPSHOT_FORMAT,
		takenAt: now.toISOString(),
		locale,
		region,
		organisation: presenter ?? region.name,
		landscape,
		survey,
		fit: strategy.fit,
		recommendations: strategy.recommendations,
		agreements
	};
}
