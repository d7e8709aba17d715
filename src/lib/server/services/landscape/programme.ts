/**
 * The history and programme pages, driven by the reference documents: the timeline 2003–2028,
 * the programme calls as planned and as they happened, funding streams, the clusters' core task
 * and target groups, DEB's sight lines and the 2022 participant survey.
 */
import { z } from 'zod';
import { timelineOption } from '$lib/domain/charts/timeline';
import { programmeCounts, type ProgrammeCount } from '$lib/domain/landscape/snapshot';
import { renderSvg } from '../../charts/render';
import { getReferenceDocuments } from '../../db/queries/reference/documents';
import type { Ctx } from '../context';
import { loadClusters, loadProgrammes } from './load';
import { getTaxonomy } from './reference';

const ProgrammeDocSchema = z.object({
	history: z.array(
		z.object({ from: z.number(), to: z.number(), da: z.string(), source: z.string().optional() })
	),
	programmes: z.array(
		z.looseObject({
			code: z.string(),
			name: z.string(),
			from: z.string(),
			to: z.string(),
			sources: z.array(z.string())
		})
	),
	callTimeline2025_2028_asPlannedInSeed: z.array(z.object({ date: z.string(), da: z.string() })),
	callTimelineNote: z.string(),
	fundingStreams2025_2028_asAnnouncedMay2024: z.array(
		z.object({
			code: z.string(),
			da: z.string(),
			purpose_da: z.string(),
			amountDKK: z.number(),
			note: z.string().optional()
		})
	),
	fundingSource: z.string(),
	debSightLines: z.array(z.string()),
	participantSurvey2022: z.object({
		by: z.string(),
		published: z.string(),
		sentToCompanies: z.number(),
		sentToKnowledgeInstitutionReps: z.number(),
		completeResponseRate: z.number(),
		partialResponseRate: z.number(),
		findings_en: z.array(z.string()),
		source: z.string()
	}),
	nationalParticipation: z.object({ uniqueCompanies2021_2022: z.number(), note: z.string() })
});

const CoreNarrativeSchema = z.object({
	coreTask_da: z.array(z.string()),
	targetGroupsNote_da: z.string(),
	economy_da: z.array(z.string()),
	businessModels_da: z.array(z.string()),
	history_da: z.string(),
	callAsItHappened_da: z.string()
});

const NextProgrammeSchema = z.object({
	_meta: z.looseObject({
		summary: z.string(),
		sources: z.array(z.string()),
		totalBudgetDKK: z.number(),
		clusterCount: z.number()
	})
});

export interface ProgrammeHistoryView {
	timelineSvg: string;
	history: { from: number; to: number; label: string; source: string | null }[];
	coreTask: string[];
	economy: string[];
	businessModels: string[];
	historyText: string;
	targetGroups: { code: string; label: string }[];
	targetGroupsNote: string;
	sightLines: string[];
	programmes: (ProgrammeCount & { sources: string[] })[];
	callPlanned: { date: string; label: string }[];
	callAsItHappened: string;
	next: { summary: string; totalDkk: number; clusters: number; sources: string[] };
	fundingStreams: {
		code: string;
		label: string;
		purpose: string;
		amountDkk: number;
		note: string | null;
	}[];
	fundingSource: string;
	participantSurvey: z.infer<typeof ProgrammeDocSchema>['participantSurvey2022'];
	nationalParticipation: { uniqueCompanies: number; note: string };
}

export async function getProgrammeHistory(
	ctx: Ctx,
	now = new Date()
): Promise<ProgrammeHistoryView> {
	const [docs, taxonomy, clusters, programmes] = await Promise.all([
		getReferenceDocuments(ctx.db, ['programme', 'core-narrative', 'clusters-2025-2028']),
		getTaxonomy(ctx.db),
		loadClusters(ctx.db),
		loadProgrammes(ctx.db)
	]);
	const doc = ProgrammeDocSchema.parse(docs.get('programme'));
	const core = CoreNarrativeSchema.parse(docs.get('core-narrative'));
	const next = NextProgrammeSchema.parse(docs.get('clusters-2025-2028'));
	const year = now.getFullYear();
	const from = Math.min(...doc.history.map((h) => h.from));
	const to = Math.max(...doc.history.map((h) => h.to));
	const timelineSvg = await renderSvg(
		timelineOption(
			doc.history.map((h) => ({
				label: h.da,
				from: h.from,
				to: h.to,
				current: h.from <= year && year <= h.to
			})),
			{ from, to }
		),
		{ width: 900, height: 60 + doc.history.length * 44 }
	);
	return {
		timelineSvg,
		history: doc.history.map((h) => ({
			from: h.from,
			to: h.to,
			label: h.da,
			source: h.source ?? null
		})),
		coreTask: core.coreTask_da,
		economy: core.economy_da,
		businessModels: core.businessModels_da,
		historyText: core.history_da,
		targetGroups: taxonomy.targetGroups.map((g) => ({ code: g.code, label: g[ctx.locale] })),
		targetGroupsNote: core.targetGroupsNote_da,
		sightLines: doc.debSightLines,
		programmes: programmes.map((p) => {
			const count = programmeCounts(
				clusters,
				[p],
				Math.min(Math.max(year, p.fromYear), p.toYear)
			)[0];
			const source = doc.programmes.find((d) => d.code === p.code)?.sources ?? [];
			return { ...(count as ProgrammeCount), sources: source };
		}),
		callPlanned: doc.callTimeline2025_2028_asPlannedInSeed.map((c) => ({
			date: c.date,
			label: c.da
		})),
		callAsItHappened: ctx.locale === 'da' ? core.callAsItHappened_da : doc.callTimelineNote,
		next: {
			summary: ctx.locale === 'da' ? '' : next._meta.summary,
			totalDkk: next._meta.totalBudgetDKK,
			clusters: next._meta.clusterCount,
			sources: next._meta.sources
		},
		fundingStreams: doc.fundingStreams2025_2028_asAnnouncedMay2024.map((f) => ({
			code: f.code,
			label: f.da,
			purpose: f.purpose_da,
			amountDkk: f.amountDKK,
			note: f.note ?? null
		})),
		fundingSource: doc.fundingSource,
		participantSurvey: doc.participantSurvey2022,
		nationalParticipation: {
			uniqueCompanies: doc.nationalParticipation.uniqueCompanies2021_2022,
			note: doc.nationalParticipation.note
		}
	};
}
