/**
 * The fit matrix: scores every active cluster against every effort of the region's strategy,
 * with the breakdown behind each cell, what-if weights that are never saved, and cell overrides.
 */
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { NotFoundError, ValidationError } from '$lib/domain/errors';
import { heatmapLayout, heatmapOption, type HeatmapLayout } from '$lib/domain/charts/heatmap';
import {
	clusterTotal,
	contribution,
	effectiveScore,
	fitMatrix,
	rankClusters,
	type FitCell,
	type FitMatrix
} from '$lib/domain/fit/score';
import { criteria, type Criterion, type Weights } from '$lib/domain/strategy/strategy';
import { formatDate, formatNumber } from '$lib/format';
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
import { loadFitInputs, type FitInputs } from './inputs';
import { getRegions, type RegionView } from '../landscape';
import { parseWeights, statementText } from '../strategy';
import type { CellBreakdown, CriterionBreakdown, FitProvenance } from '$lib/domain/fit/view';
export type { CellBreakdown, CriterionBreakdown, FitProvenance };

export function fitProvenance(ctx: Ctx, inputs: FitInputs): FitProvenance {
	const r = inputs.round;
	const o = { locale: ctx.locale };
	const survey = r
		? m.fit_provenance_survey(
				{
					title: r.title,
					n: r.completed,
					N: r.invited,
					date: r.lastSubmittedAt ? formatDate(r.lastSubmittedAt, ctx.locale) : '–'
				},
				o
			)
		: m.fit_provenance_no_survey({}, o);
	const register = inputs.register
		? m.fit_provenance_register(
				{
					lists: formatNumber(inputs.register.lists, ctx.locale),
					clusters: formatNumber(inputs.register.clusters, ctx.locale),
					date: formatDate(inputs.register.latestImport, ctx.locale)
				},
				o
			)
		: '';
	return {
		source: 'derived',
		survey: r
			? {
					roundId: r.id,
					title: r.title,
					year: r.year,
					isDemo: r.isDemo,
					n: r.completed,
					N: r.invited,
					lastAnswer: r.lastSubmittedAt?.toISOString() ?? null
				}
			: null,
		strategyVersion: inputs.version.version,
		strategyIsExample: inputs.version.isExample,
		strategyDate: inputs.version.createdAt.toISOString(),
		landscapeUpdatedAt: inputs.landscapeUpdatedAt,
		register: inputs.register,
		text: m.fit_provenance(
			{
				survey,
				register,
				version: inputs.version.version,
				date: formatDate(inputs.version.createdAt, ctx.locale),
				landscape: inputs.landscapeUpdatedAt
					? formatDate(inputs.landscapeUpdatedAt, ctx.locale)
					: '–'
			},
			o
		)
	};
}

export function computeMatrix(inputs: FitInputs, weights: Weights): FitMatrix {
	return fitMatrix(inputs.evidence, inputs.version.efforts, weights, inputs.overrides);
}

export function criterionLabel(criterion: Criterion, ctx: Pick<Ctx, 'locale'>): string {
	const o = { locale: ctx.locale };
	switch (criterion) {
		case 'thematic':
			return m.fit_criterion_thematic({}, o);
		case 'presence':
			return m.fit_criterion_presence({}, o);
		case 'reach':
			return m.fit_criterion_reach({}, o);
		case 'ties':
			return m.fit_criterion_ties({}, o);
		case 'maturity':
			return m.fit_criterion_maturity({}, o);
	}
}

export function breakdown(
	ctx: Ctx,
	inputs: FitInputs,
	matrix: FitMatrix,
	cell: FitCell
): CellBreakdown {
	const known = cell.criteria.filter((c) => c.value !== null).reduce((sum, c) => sum + c.weight, 0);
	const thematic = cell.criteria.find((c) => c.criterion === 'thematic')?.value ?? null;
	const cluster = matrix.clusters.find((c) => c.slug === cell.cluster);
	const effort = matrix.efforts.find((e) => e.code === cell.effort);
	const o = { locale: ctx.locale };
	return {
		cluster: { slug: cell.cluster, name: cluster?.name ?? cell.cluster },
		effort: {
			code: cell.effort,
			title: effort ? effort.title[ctx.locale] || effort.title.da : cell.effort
		},
		score: cell.score,
		shown: effectiveScore(cell),
		confidence: cell.confidence,
		missing: cell.missing.map((c) => criterionLabel(c, ctx)),
		override: cell.override,
		gate: thematic === null ? null : Math.round(thematic * 100),
		criteria: cell.criteria.map((c) => ({
			criterion: c.criterion,
			label: criterionLabel(c.criterion, ctx),
			weight: c.weight,
			value: c.value === null ? null : Math.round(c.value * 100),
			points:
				c.value === null || known === 0
					? null
					: Math.round((1000 * contribution(c.criterion, c.value, thematic) * c.weight) / known) /
						10,
			evidence: c.evidence.map((e) => statementText(e, ctx.locale, inputs.taxonomy)),
			link:
				c.source.kind === 'survey'
					? {
							href: `/fund/${c.source.roundId}#cluster-${c.source.cluster}`,
							label: m.fit_link_survey({}, o)
						}
					: c.source.kind === 'profile'
						? { href: `/klynger/${c.source.cluster}`, label: m.fit_link_profile({}, o) }
						: c.source.kind === 'register'
							? {
									href: `/virksomheder?region=${inputs.region.code}`,
									label: m.fit_link_register({}, o)
								}
							: null
		}))
	};
}

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
					.map((i) => `${criterionLabel(i.path[0] as Criterion, ctx)}: ${i.message}`)
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
export async function getFitJson(ctx: Ctx, regionCode: string) {
	requireRole(ctx, 'viewer');
	const inputs = await loadFitInputs(ctx, regionCode);
	const matrix = computeMatrix(inputs, inputs.version.weights);
	return {
		format: 'klyngeradar/fit-matrix@1' as const,
		region: inputs.region,
		strategyVersion: inputs.version.version,
		weights: matrix.weights,
		provenance: fitProvenance(ctx, inputs),
		efforts: matrix.efforts.map((e) => ({
			code: e.code,
			title: e.title[ctx.locale] || e.title.da
		})),
		clusters: rankClusters(matrix, null).map((slug) => ({
			slug,
			name: matrix.clusters.find((c) => c.slug === slug)?.name ?? slug,
			total: clusterTotal(matrix, slug)
		})),
		cells: matrix.cells.map((cell) => {
			const b = breakdown(ctx, inputs, matrix, cell);
			return {
				cluster: cell.cluster,
				effort: cell.effort,
				score: cell.score,
				shown: b.shown,
				confidence: cell.confidence,
				missing: cell.missing,
				override: cell.override,
				criteria: b.criteria.map((c) => ({
					criterion: c.criterion,
					weight: c.weight,
					value: c.value,
					points: c.points,
					evidence: c.evidence,
					link: c.link?.href ?? null
				}))
			};
		})
	};
}
export type FitJson = Awaited<ReturnType<typeof getFitJson>>;

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
