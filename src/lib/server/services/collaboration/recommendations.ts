/**
 * Recommendations per cluster (the recommender over the fit matrix and the catalogue), the
 * analyst's decisions on them, and the portfolio the decisions add up to.
 */
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { NotFoundError, ValidationError } from '$lib/domain/errors';
import { checklistCodes, type ChecklistCode } from '$lib/domain/collaboration/catalogue';
import { decisionKinds, latestDecisions } from '$lib/domain/collaboration/portfolio';
import { recommend, type Recommendation } from '$lib/domain/collaboration/recommend';
import type { Locale } from '$lib/format';
import { checklistLabel } from '$lib/labels/collaboration';
import { insertDecision, listDecisions } from '../../db/queries/strategy/decisions';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import { hasRole, requireRole } from '../access';
import { recordAudit } from '../audit';
import { loadCatalogue, type ModelView } from './models';
import type { Ctx } from '../context';
import {
	computeMatrix,
	fitProvenance,
	type FitProvenance,
	loadFitInputs,
	type FitInputs
} from '../fit';
import { sentence, statementText } from '../strategy';
import type { DecisionView } from '$lib/domain/collaboration/view';
export type { DecisionView };

export interface RecommendationView {
	cluster: string;
	name: string;
	/** Facts and the first proposal in one plain sentence: "…; … → Rammeaftale med mål og KPI'er". */
	summary: string;
	facts: string[];
	options: {
		model: string;
		name: string;
		rank: number;
		suitability: number;
		reasons: string[];
		checklist: { code: ChecklistCode; label: string; met: boolean; why: string }[];
	}[];
	serves: { effort: string; title: string; score: number }[];
	confidence: number;
	decision: DecisionView | null;
	history: DecisionView[];
}

export interface RecommendationsView {
	region: { code: string; name: string };
	provenance: FitProvenance;
	strategyVersion: number;
	items: RecommendationView[];
	models: { code: string; name: string }[];
	canDecide: boolean;
}

function decisionView(
	row: Awaited<ReturnType<typeof listDecisions>>[number],
	models: Map<string, ModelView>,
	locale: Locale
): DecisionView {
	return {
		id: row.id,
		cluster: row.clusterSlug,
		decision: row.decision,
		proposedModel: row.proposedModel,
		chosenModel: row.chosenModel,
		chosenModelName: row.chosenModel
			? (models.get(row.chosenModel)?.texts[locale].name ?? row.chosenModel)
			: null,
		note: row.note,
		checklistMet: row.checklistMet,
		by: row.decidedByLabel,
		at: row.decidedAt.toISOString()
	};
}

export interface RecommendationRun {
	inputs: FitInputs;
	recommendations: Recommendation[];
	decisions: DecisionView[];
	models: Map<string, ModelView>;
	cells: ReturnType<typeof computeMatrix>['cells'];
}

/** Loads everything once and runs the recommender for every active cluster. */
export async function runRecommendations(ctx: Ctx, regionCode: string): Promise<RecommendationRun> {
	return recommendationRun(ctx, await loadFitInputs(ctx, regionCode));
}

/** The recommender over fit inputs already loaded, e.g. by the meeting snapshot for its fit too. */
async function recommendationRun(ctx: Ctx, inputs: FitInputs): Promise<RecommendationRun> {
	const [catalogue, decisionRows] = await Promise.all([
		loadCatalogue(ctx.db),
		listDecisions(ctx.db, inputs.region.code)
	]);
	const models = new Map(catalogue.map((model) => [model.code, model]));
	const decisions = decisionRows.map((row) => decisionView(row, models, ctx.locale));
	const latest = latestDecisions(decisions);
	const matrix = computeMatrix(inputs, inputs.version.weights);
	const hubs = inputs.version.hubs.map((hub) => ({
		actor: hub.actor,
		name: inputs.actorNames.get(hub.actor) ?? hub.actor,
		keywords: hub.keywords
	}));
	const recommendations = inputs.evidence.map((evidence) =>
		recommend({
			evidence,
			cells: matrix.cells.filter((c) => c.cluster === evidence.slug),
			efforts: inputs.version.efforts,
			models: catalogue,
			hubs,
			regionWideParties: inputs.regionWideParties,
			confirmed: (latest.get(evidence.slug)?.checklistMet ?? []).filter((c): c is ChecklistCode =>
				(checklistCodes as readonly string[]).includes(c)
			),
			actorNames: inputs.actorNames
		})
	);
	return { inputs, recommendations, decisions, models, cells: matrix.cells };
}

export function recommendationView(
	ctx: Ctx,
	run: RecommendationRun,
	rec: Recommendation
): RecommendationView {
	const { taxonomy, version } = run.inputs;
	const say = (s: { key: string; params: Record<string, string | number> }) =>
		statementText(s, ctx.locale, taxonomy);
	const modelName = (code: string) => run.models.get(code)?.texts[ctx.locale].name ?? code;
	const facts = rec.facts.map(say);
	const first = rec.options[0];
	const history = run.decisions.filter((d) => d.cluster === rec.cluster);
	return {
		cluster: rec.cluster,
		name: rec.name,
		summary: first ? `${sentence(facts)} → ${modelName(first.model)}` : sentence(facts),
		facts,
		options: rec.options.map((o) => ({
			model: o.model,
			name: modelName(o.model),
			rank: o.rank,
			suitability: o.suitability,
			reasons: o.reasons.map(say),
			checklist: o.checklist.map((c) => ({
				code: c.code,
				label: checklistLabel(c.code, ctx.locale),
				met: c.met,
				why: say(c.why)
			}))
		})),
		serves: rec.serves.map((s) => {
			const effort = version.efforts.find((e) => e.code === s.effort);
			return {
				effort: s.effort,
				title: effort ? effort.title[ctx.locale] || effort.title.da : s.effort,
				score: s.score
			};
		}),
		confidence: rec.confidence,
		decision: history[0] ?? null,
		history
	};
}

export async function getRecommendations(
	ctx: Ctx,
	regionCode: string
): Promise<RecommendationsView> {
	requireRole(ctx, 'viewer');
	return recommendationsOf(ctx, await loadFitInputs(ctx, regionCode));
}

/** The recommendations view over fit inputs already loaded. */
export async function recommendationsOf(ctx: Ctx, inputs: FitInputs): Promise<RecommendationsView> {
	requireRole(ctx, 'viewer');
	const run = await recommendationRun(ctx, inputs);
	return {
		region: run.inputs.region,
		provenance: fitProvenance(ctx, run.inputs),
		strategyVersion: run.inputs.version.version,
		items: run.recommendations
			.map((rec) => recommendationView(ctx, run, rec))
			.sort(
				(a, b) =>
					(b.options[0]?.suitability ?? 0) - (a.options[0]?.suitability ?? 0) ||
					a.name.localeCompare(b.name, 'da')
			),
		models: [...run.models.values()].map((model) => ({
			code: model.code,
			name: model.texts[ctx.locale].name
		})),
		canDecide: hasRole(ctx, 'analyst')
	};
}

const list = z.preprocess(
	(value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
	z.array(z.enum(checklistCodes)).max(7)
);

export const DecisionFormSchema = z.object({
	cluster: z.string().min(1).max(100),
	decision: z.enum(decisionKinds),
	chosenModel: z.string().max(60).optional(),
	note: z.string().trim().min(3).max(2000),
	checklistMet: list
});

/** Records an analyst's decision on a cluster's recommendation; the history keeps every one. */
export async function decideRecommendation(
	ctx: Ctx,
	regionCode: string,
	input: Record<string, unknown>
): Promise<DecisionView> {
	requireRole(ctx, 'analyst');
	const form = parseInput(DecisionFormSchema, input, ctx.locale);
	const run = await runRecommendations(ctx, regionCode);
	const rec = run.recommendations.find((r) => r.cluster === form.cluster);
	const clusterId = run.inputs.clusterIds.get(form.cluster);
	if (!rec || clusterId === undefined) {
		throw new NotFoundError(
			m.landscape_cluster_not_found({ slug: form.cluster }, { locale: ctx.locale })
		);
	}
	const proposed = rec.options[0]?.model ?? null;
	const o = { locale: ctx.locale };
	const fail = (field: string, message: string) =>
		new ValidationError(m.validation_failed({}, o), [{ path: [field], message }]);
	let chosen: string | null;
	if (form.decision === 'accepted') {
		if (!proposed) throw fail('decision', m.rec_nothing_to_accept({}, o));
		chosen = proposed;
	} else if (form.decision === 'changed') {
		if (!form.chosenModel || !run.models.has(form.chosenModel))
			throw fail('chosenModel', m.rec_choose_model({}, o));
		chosen = form.chosenModel;
	} else chosen = null;
	return ctx.db.transaction(async (tx) => {
		const row = await insertDecision(tx, {
			regionCode: run.inputs.region.code,
			clusterId,
			proposedModel: proposed ?? '',
			decision: form.decision,
			chosenModel: chosen,
			note: form.note,
			checklistMet: form.checklistMet,
			strategyVersionId: run.inputs.version.id,
			decidedByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'recommendation',
			entityId: `${run.inputs.region.code}/${form.cluster}`,
			action: 'create',
			after: row
		});
		return decisionView({ ...row, clusterSlug: form.cluster }, run.models, ctx.locale);
	});
}

/** The recommendations for the API and the CLI's --json (the page's view without the history). */
export function recommendationsJson(view: RecommendationsView) {
	return {
		format: 'klyngeradar/recommendations@1' as const,
		region: view.region,
		strategyVersion: view.strategyVersion,
		provenance: view.provenance,
		items: view.items.map(({ history: _history, ...item }) => item)
	};
}

export async function getRecommendationsJson(ctx: Ctx, regionCode: string) {
	return recommendationsJson(await getRecommendations(ctx, regionCode));
}
