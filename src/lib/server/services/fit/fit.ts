/**
 * The fit matrix: scores every active cluster against every effort of the region's strategy,
 * with the breakdown behind each cell, what-if weights that are never saved, and cell overrides.
 */
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { NotFoundError, ValidationError } from '$lib/domain/errors';
import { heatmapLayout, heatmapOption, type HeatmapLayout } from '$lib/domain/charts/heatmap';
import { clusterTotal, effectiveScore, rankClusters, type FitMatrix } from '$lib/domain/fit/score';
import { criteria, type Criterion, type Weights } from '$lib/domain/strategy/strategy';
import { criterionLabel } from '$lib/labels/fit';
import { renderSvg } from '../../charts/render';
import {
	deleteFitOverride,
	findFitOverride,
	upsertFitOverride
} from '../../db/queries/strategy/overrides';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import { hasRole, requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { loadFitInputs } from './inputs';
import { breakdown, computeMatrix, fitDocument, fitProvenance, type FitJson } from './matrix';
import { getRegions, type RegionView } from '../landscape';
import { parseWeights } from '../strategy';
import type { CellBreakdown, CriterionBreakdown, FitProvenance } from '$lib/domain/fit/view';
export type { CellBreakdown, CriterionBreakdown, FitProvenance };

export const FitQuerySchema = z.object({
	sort: z.string().max(60).optional(),
	cluster: z.string().max(100).optional(),
	effort: z.string().max(60).optional()
});

export interface FitPage {
	region: { code: string; name: string };
	regions: RegionView[];
	version: { version: number; isExample: boolean };
	provenance: FitProvenance;
	weights: Weights;
	savedWeights: Weights;
	whatIf: boolean;
	weightsError: string | null;
	sort: string | null;
	efforts: { code: string; title: string }[];
	rows: {
		slug: string;
		name: string;
		total: number;
		rank: number;
		savedRank: number;
		cells: {
			effort: string;
			shown: number;
			score: number;
			confidence: number;
			overridden: boolean;
			missing: number;
		}[];
	}[];
	heatmap: { svg: string; layout: HeatmapLayout };
	breakdown: CellBreakdown | null;
	canEdit: boolean;
}

/** The fit page; weight parameters in the query make it a what-if view that saves nothing. */
export async function getFitPage(
	ctx: Ctx,
	regionCode: string,
	query: Record<string, string>
): Promise<FitPage> {
	requireRole(ctx, 'viewer');
	const q = parseInput(FitQuerySchema, query, ctx.locale);
	const [inputs, regions] = await Promise.all([loadFitInputs(ctx, regionCode), getRegions(ctx)]);
	const savedWeights = inputs.version.weights;
	let weights = savedWeights;
	let weightsError: string | null = null;
	if (criteria.some((c) => query[c] !== undefined)) {
		try {
			weights = parseWeights(ctx, { ...savedWeights, ...query });
		} catch (err) {
			if (!(err instanceof ValidationError)) throw err;
			weightsError =
				err.issues
					.map((i) => `${criterionLabel(i.path[0] as Criterion, ctx.locale)}: ${i.message}`)
					.join(' ') || err.message;
		}
	}
	const whatIf = criteria.some((c) => weights[c] !== savedWeights[c]);
	const matrix = computeMatrix(inputs, weights);
	const saved = whatIf ? computeMatrix(inputs, savedWeights) : matrix;
	const sort = q.sort && matrix.efforts.some((e) => e.code === q.sort) ? q.sort : null;
	const order = rankClusters(matrix, sort);
	const rankOf = (mx: FitMatrix) => new Map(rankClusters(mx, null).map((slug, i) => [slug, i + 1]));
	const ranks = rankOf(matrix);
	const savedRanks = rankOf(saved);
	const names = new Map(matrix.clusters.map((c) => [c.slug, c.name]));
	const efforts = matrix.efforts.map((e) => ({
		code: e.code,
		title: e.title[ctx.locale] || e.title.da
	}));
	const rows = order.map((slug) => ({
		slug,
		name: names.get(slug) ?? slug,
		total: clusterTotal(matrix, slug),
		rank: ranks.get(slug) ?? 0,
		savedRank: savedRanks.get(slug) ?? 0,
		cells: matrix.cells
			.filter((c) => c.cluster === slug)
			.map((c) => ({
				effort: c.effort,
				shown: effectiveScore(c),
				score: c.score,
				confidence: c.confidence,
				overridden: c.override !== null,
				missing: c.missing.length
			}))
	}));
	const vm = {
		rows: rows.map((r) => ({ key: r.slug, label: r.name })),
		columns: efforts.map((e) => ({ key: e.code, label: e.title })),
		cells: rows.flatMap((r) =>
			r.cells.map((c) => ({
				row: r.slug,
				column: c.effort,
				value: c.shown,
				mark: (c.overridden ? '*' : c.confidence < 0.6 ? '?' : '') as '' | '*' | '?'
			}))
		)
	};
	const layout = heatmapLayout(vm);
	const cell = matrix.cells.find((c) => c.cluster === q.cluster && c.effort === q.effort);
	return {
		region: inputs.region,
		regions,
		version: { version: inputs.version.version, isExample: inputs.version.isExample },
		provenance: fitProvenance(ctx, inputs),
		weights,
		savedWeights,
		whatIf,
		weightsError,
		sort,
		efforts,
		rows,
		heatmap: {
			svg: efforts.length && rows.length ? await renderSvg(heatmapOption(vm, layout), layout) : '',
			layout
		},
		breakdown: cell ? breakdown(ctx, inputs, matrix, cell) : null,
		canEdit: hasRole(ctx, 'analyst')
	};
}

/** The matrix with every cell's breakdown, for the API, the CLI and the XLSX export. */
export async function getFitJson(ctx: Ctx, regionCode: string): Promise<FitJson> {
	requireRole(ctx, 'viewer');
	return fitDocument(ctx, await loadFitInputs(ctx, regionCode));
}

export const OverrideFormSchema = z.object({
	cluster: z.string().min(1).max(100),
	effort: z.string().min(1).max(60),
	score: z.coerce.number().int().min(0).max(100),
	reason: z.string().trim().min(3).max(1000)
});

export async function setFitOverride(
	ctx: Ctx,
	regionCode: string,
	input: Record<string, unknown>
): Promise<void> {
	requireRole(ctx, 'analyst');
	const form = parseInput(OverrideFormSchema, input, ctx.locale);
	const inputs = await loadFitInputs(ctx, regionCode);
	const clusterId = inputs.clusterIds.get(form.cluster);
	if (clusterId === undefined || !inputs.version.efforts.some((e) => e.code === form.effort)) {
		throw new NotFoundError(m.fit_cell_not_found({}, { locale: ctx.locale }));
	}
	await ctx.db.transaction(async (tx) => {
		const before = await findFitOverride(tx, inputs.strategyId, clusterId, form.effort);
		const saved = await upsertFitOverride(tx, {
			strategyId: inputs.strategyId,
			clusterId,
			effortCode: form.effort,
			score: form.score,
			reason: form.reason,
			decidedByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'fit-override',
			entityId: `${inputs.region.code}/${form.cluster}/${form.effort}`,
			action: before ? 'update' : 'create',
			before,
			after: saved
		});
	});
}

export async function clearFitOverride(
	ctx: Ctx,
	regionCode: string,
	input: { cluster: string; effort: string }
): Promise<void> {
	requireRole(ctx, 'analyst');
	const inputs = await loadFitInputs(ctx, regionCode);
	const clusterId = inputs.clusterIds.get(input.cluster);
	const existing =
		clusterId === undefined
			? undefined
			: await findFitOverride(ctx.db, inputs.strategyId, clusterId, input.effort);
	if (!existing) throw new NotFoundError(m.fit_cell_not_found({}, { locale: ctx.locale }));
	await ctx.db.transaction(async (tx) => {
		await deleteFitOverride(tx, existing.id);
		await recordAudit(tx, ctx, {
			entity: 'fit-override',
			entityId: `${inputs.region.code}/${input.cluster}/${input.effort}`,
			action: 'delete',
			before: existing
		});
	});
}
