/**
 * Everything the fit model and the recommender read for a region: the strategy's latest version,
 * the active clusters with their maturity stage, their answers in the region's evidence round
 * (the newest with completed answers; a real round before a demo round), and the company
 * register's unique count for each cluster it has lists for.
 */
import { clusterEvidence } from '$lib/domain/fit/evidence';
import type { ClusterEvidence, FitOverride } from '$lib/domain/fit/score';
import { summarise } from '$lib/domain/landscape/snapshot';
import type { Answers } from '$lib/domain/survey/answers';
import type { Taxonomy } from '$lib/domain/taxonomy';
import { NotFoundError } from '$lib/domain/errors';
import { listActorsOfRegion, listMunicipalities } from '../../db/queries/reference/geography';
import { listResponses } from '../../db/queries/survey/responses';
import { findEvidenceRound, type EvidenceRound } from '../../db/queries/survey/rounds';
import { listFitOverrides } from '../../db/queries/strategy/overrides';
import { m } from '../../i18n';
import { regionOrThrow } from '../../validation';
import type { Ctx } from '../context';
import { loadClusters, getRegions, getTaxonomy } from '../landscape';
import { clusterRegisterFigures } from '../companies';
import { currentStrategy, type StrategyVersionView } from '../strategy';

/** Actor kinds whose agreements cover the whole region. */
const REGION_WIDE_KINDS = ['regional-collaboration', 'region'];

export interface FitInputs {
	region: { code: string; name: string };
	strategyId: number;
	version: StrategyVersionView;
	evidence: ClusterEvidence[];
	clusterIds: Map<string, number>;
	round: EvidenceRound | null;
	overrides: FitOverride[];
	taxonomy: Taxonomy;
	actorNames: Map<string, string>;
	regionWideParties: string[];
	/** When the landscape data the stages and areas come from last changed. */
	landscapeUpdatedAt: string | null;
	/** The register's lists behind the active clusters' figures; null when it has none. */
	register: { clusters: number; lists: number; latestImport: string } | null;
}

export async function loadFitInputs(ctx: Ctx, regionCode: string): Promise<FitInputs> {
	const code = regionOrThrow(ctx, regionCode);
	const [strategy, regions, clusters, round, taxonomy, actors, municipalities] = await Promise.all([
		currentStrategy(ctx, code),
		getRegions(ctx),
		loadClusters(ctx.db),
		findEvidenceRound(ctx.db, code),
		getTaxonomy(ctx.db),
		listActorsOfRegion(ctx.db, code),
		listMunicipalities(ctx.db)
	]);
	const region = regions.find((r) => r.code === code);
	if (!strategy || !region) {
		throw new NotFoundError(
			m.strategy_none({ region: region?.name ?? code }, { locale: ctx.locale })
		);
	}
	const [responses, overrides, registerFigures] = await Promise.all([
		round ? listResponses(ctx.db, round.id) : Promise.resolve([]),
		listFitOverrides(ctx.db, strategy.strategyId),
		clusterRegisterFigures(ctx, code)
	]);
	const answers = new Map(
		responses.filter((r) => r.status === 'completed').map((r) => [r.clusterSlug, r])
	);
	const names = new Map(municipalities.map((mu) => [mu.code, mu.name]));
	const active = clusters.filter((c) => c.status === 'active');
	const evidence = active.map((cluster) => {
		const response = answers.get(cluster.slug);
		const figure = registerFigures.get(cluster.slug);
		const fromSurvey = clusterEvidence(
			cluster,
			summarise(cluster, null).stage,
			response && round
				? {
						roundId: round.id,
						roundTitle: round.title,
						date: response.submittedAt?.toISOString() ?? null,
						answers: response.answers as Answers
					}
				: null,
			names
		);
		return figure
			? {
					...fromSurvey,
					register: {
						uniqueCompanies: figure.uniqueCompanies,
						lists: figure.lists,
						date: figure.latestImport
					}
				}
			: fromSurvey;
	});
	const updated = active.map((c) => c.updatedAt).sort();
	const registered = active.flatMap((c) => registerFigures.get(c.slug) ?? []);
	const latestImport = registered.map((f) => f.latestImport).sort();
	return {
		region: { code, name: region.name },
		strategyId: strategy.strategyId,
		version: strategy.version,
		evidence,
		clusterIds: new Map(active.map((c) => [c.slug, c.id])),
		round: round ?? null,
		overrides: overrides.map((o) => ({
			cluster: o.clusterSlug,
			effort: o.effortCode,
			score: o.score,
			reason: o.reason,
			by: o.decidedByLabel,
			at: o.decidedAt.toISOString()
		})),
		taxonomy,
		actorNames: new Map(actors.map((a) => [a.slug, a.name])),
		regionWideParties: actors.filter((a) => REGION_WIDE_KINDS.includes(a.kind)).map((a) => a.slug),
		landscapeUpdatedAt: updated[updated.length - 1] ?? null,
		register:
			registered.length === 0
				? null
				: {
						clusters: registered.length,
						lists: registered.reduce((sum, f) => sum + f.lists, 0),
						latestImport: latestImport[latestImport.length - 1] ?? ''
					}
	};
}
