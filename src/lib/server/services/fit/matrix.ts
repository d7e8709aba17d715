/**
 * The fit matrix as a read model: computed from the inputs, with every cell's breakdown and the
 * provenance, in the reader's language. No roles, no loading and no SVG here, so the page, the
 * API, the recommender, the exports and the meeting snapshot build on the same inputs, loaded
 * once by whoever composes them.
 */
import {
	clusterTotal,
	contribution,
	effectiveScore,
	fitMatrix,
	rankClusters,
	type FitCell,
	type FitMatrix
} from '$lib/domain/fit/score';
import type { CellBreakdown, FitProvenance } from '$lib/domain/fit/view';
import type { Weights } from '$lib/domain/strategy/strategy';
import { formatDate, formatNumber } from '$lib/format';
import { criterionLabel } from '$lib/labels/fit';
import { m } from '../../i18n';
import type { Ctx } from '../context';
import { statementText } from '../strategy';
import type { FitInputs } from './inputs';

export function fitProvenance(ctx: Pick<Ctx, 'locale'>, inputs: FitInputs): FitProvenance {
	const r = inputs.round;
	const o = { locale: ctx.locale };
	const survey = r
		? m.fit_provenance_survey(
				{
					title: r.title,
					n: r.completed,
					N: r.invited,
					NCount: r.invited,
					date: r.lastSubmittedAt ? formatDate(r.lastSubmittedAt, ctx.locale) : '–'
				},
				o
			)
		: m.fit_provenance_no_survey({}, o);
	const register = inputs.register
		? m.fit_provenance_register(
				{
					lists: formatNumber(inputs.register.lists, ctx.locale),
					listsCount: inputs.register.lists,
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

export function breakdown(
	ctx: Pick<Ctx, 'locale'>,
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
		missing: cell.missing.map((c) => criterionLabel(c, ctx.locale)),
		override: cell.override,
		gate: thematic === null ? null : Math.round(thematic * 100),
		criteria: cell.criteria.map((c) => ({
			criterion: c.criterion,
			label: criterionLabel(c.criterion, ctx.locale),
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

/** The matrix with every cell's breakdown: the document the API, the CLI and the exports give. */
export function fitDocument(ctx: Pick<Ctx, 'locale'>, inputs: FitInputs) {
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
export type FitJson = ReturnType<typeof fitDocument>;
