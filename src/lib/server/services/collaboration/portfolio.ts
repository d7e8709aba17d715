/**
 * The region's portfolio of cluster collaborations: the chosen models per effort, the proposals
 * still undecided, the gaps, and areas where the landscape suggests a new national cluster.
 */
import { z } from 'zod';
import { likelyNewAreas, type LikelyNewArea } from '$lib/domain/landscape/new-areas';
import { portfolio } from '$lib/domain/collaboration/portfolio';
import { getReferenceDocument } from '../../db/queries/reference/documents';
import { requireRole } from '../access';
import type { Ctx } from '../context';
import { fitProvenance, type FitProvenance } from '../fit';
import { loadClusters } from '../landscape';
import { runRecommendations } from './recommendations';

const NextProgrammeSchema = z.object({
	clusters: z.array(
		z.object({
			officialName: z.string(),
			area: z.string(),
			status: z.string(),
			source: z.string().optional()
		})
	)
});

interface Entry {
	cluster: string;
	name: string;
	model: string;
	modelName: string;
	score: number;
}

export interface PortfolioView {
	region: { code: string; name: string };
	provenance: FitProvenance;
	rows: {
		effort: string;
		title: string;
		chosen: Entry[];
		proposed: Entry[];
		gap: boolean;
		noCluster: boolean;
	}[];
	chosen: { cluster: string; name: string; modelName: string; decidedAt: string; by: string }[];
	undecided: { cluster: string; name: string }[];
	rejected: { cluster: string; name: string }[];
	newAreas: LikelyNewArea[];
}

export async function getPortfolio(ctx: Ctx, regionCode: string): Promise<PortfolioView> {
	requireRole(ctx, 'viewer');
	const [run, clusters, next] = await Promise.all([
		runRecommendations(ctx, regionCode),
		loadClusters(ctx.db),
		getReferenceDocument(ctx.db, 'clusters-2025-2028')
	]);
	const { inputs, models } = run;
	const result = portfolio(inputs.version.efforts, run.cells, run.recommendations, run.decisions);
	const names = new Map(inputs.evidence.map((e) => [e.slug, e.name]));
	const modelName = (code: string) => models.get(code)?.texts[ctx.locale].name ?? code;
	const entry = (e: { cluster: string; model: string; score: number }): Entry => ({
		...e,
		name: names.get(e.cluster) ?? e.cluster,
		modelName: modelName(e.model)
	});
	const parsedNext = NextProgrammeSchema.safeParse(next);
	return {
		region: inputs.region,
		provenance: fitProvenance(ctx, inputs),
		rows: result.rows.map((row) => {
			const effort = inputs.version.efforts.find((e) => e.code === row.effort);
			return {
				effort: row.effort,
				title: effort ? effort.title[ctx.locale] || effort.title.da : row.effort,
				chosen: row.chosen.map(entry),
				proposed: row.proposed.map(entry),
				gap: row.gap,
				noCluster: row.noCluster
			};
		}),
		chosen: result.chosen.map((c) => ({
			cluster: c.cluster,
			name: names.get(c.cluster) ?? c.cluster,
			modelName: modelName(c.model),
			decidedAt: c.decision.at,
			by: c.decision.by
		})),
		undecided: result.undecided.map((cluster) => ({
			cluster,
			name: names.get(cluster) ?? cluster
		})),
		rejected: result.rejected.map((cluster) => ({ cluster, name: names.get(cluster) ?? cluster })),
		newAreas: likelyNewAreas(
			clusters.map((c) => ({
				name: c.name,
				area: c.area,
				status: c.status,
				closedYear: c.closedYear
			})),
			parsedNext.success ? parsedNext.data.clusters : []
		)
	};
}
