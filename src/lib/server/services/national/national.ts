/**
 * The national view: what each organisation published from its closed survey rounds, across
 * every region. Publishing is a switch per closed round, off by default, kept with the date and
 * who switched it; it copies the round's aggregate figures only (`domain/national/figures.ts`),
 * never interview notes, free texts or drafts. Every organisation reads the aggregates.
 */
import { actorLabel } from '$lib/domain/access';
import { ConflictError } from '$lib/domain/errors';
import {
	nationalMatrix,
	publishedFigures,
	type NationalMatrix,
	type Publication
} from '$lib/domain/national/figures';
import { choroplethOption } from '$lib/domain/charts/choropleth';
import { formatNumber } from '$lib/format';
import { municipalityMap, regionOutlines } from '../../charts/geography';
import { renderSvg } from '../../charts/render';
import {
	deletePublication,
	findOwnPublication,
	listPublications,
	upsertPublication
} from '../../db/queries/national/publications';
import { listMunicipalities, listRegions } from '../../db/queries/reference/geography';
import { listResponses } from '../../db/queries/survey/responses';
import { m } from '../../i18n';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { getRoundStatus } from '../survey';

export interface RoundPublication {
	published: boolean;
	publishedAt: Date | null;
	publishedBy: string | null;
	/** Only a closed round can be published. */
	canPublish: boolean;
}

export async function roundPublication(ctx: Ctx, roundId: number): Promise<RoundPublication> {
	const { round } = await getRoundStatus(ctx, roundId);
	const own = await findOwnPublication(ctx.db, roundId);
	return {
		published: own !== undefined,
		publishedAt: own?.publishedAt ?? null,
		publishedBy: own?.publishedBy ?? null,
		canPublish: round.status === 'closed'
	};
}

/** Switches a closed round's publication to the national view on or off (admins). */
export async function setRoundPublished(
	ctx: Ctx,
	roundId: number,
	on: boolean
): Promise<RoundPublication> {
	requireRole(ctx, 'admin');
	const status = await getRoundStatus(ctx, roundId);
	const { round } = status;
	if (on && round.status !== 'closed')
		throw new ConflictError(m.national_publish_closed_only({}, { locale: ctx.locale }));
	await ctx.db.transaction(async (tx) => {
		if (on) {
			const responses = await listResponses(tx, roundId);
			const figures = publishedFigures(
				status.invitations.map((i) => ({ clusterSlug: i.clusterSlug, status: i.status })),
				responses.map((r) => ({
					clusterSlug: r.clusterSlug,
					status: r.status,
					answers: r.answers,
					submittedAt: r.submittedAt,
					lastActivityAt: r.lastActivityAt
				}))
			);
			await upsertPublication(tx, {
				roundId,
				regionCode: round.regionCode,
				year: round.year,
				title: round.title,
				figures,
				publishedBy: actorLabel(ctx.actor)
			});
		} else await deletePublication(tx, roundId);
		await recordAudit(tx, ctx, {
			entity: 'national-publication',
			entityId: roundId,
			action: on ? 'create' : 'delete',
			after: { roundId, published: on }
		});
	});
	return roundPublication(ctx, roundId);
}

export interface CoverageRow {
	regionCode: string;
	regionName: string;
	year: number;
	title: string;
	roundId: number;
	publisher: string;
	publishedAt: string;
	invited: number;
	completed: number;
	partial: number;
	/** Completed answers out of the invited clusters, 0–1. */
	responseRate: number;
	/** The clusters surveyed (invited), by slug. */
	clusters: string[];
}

export interface NationalCoverage {
	rounds: CoverageRow[];
	/** Regions with no published round yet. */
	regionsWithout: { code: string; name: string }[];
}

async function publicationsFor(ctx: Ctx): Promise<Publication[]> {
	requireRole(ctx, 'viewer');
	return listPublications(ctx.db);
}

export async function nationalCoverage(ctx: Ctx): Promise<NationalCoverage> {
	const [publications, regions] = await Promise.all([publicationsFor(ctx), listRegions(ctx.db)]);
	const nameOf = new Map(regions.map((region) => [region.code, region.name]));
	const rounds = publications.map((p) => ({
		regionCode: p.regionCode,
		regionName: nameOf.get(p.regionCode) ?? p.regionCode,
		year: p.year,
		title: p.title,
		roundId: p.roundId,
		publisher: p.publisher.name,
		publishedAt: p.publishedAt.toISOString(),
		invited: p.figures.invited,
		completed: p.figures.completed,
		partial: p.figures.partial,
		responseRate: p.figures.invited === 0 ? 0 : p.figures.completed / p.figures.invited,
		clusters: p.figures.clusters.map((cluster) => cluster.slug)
	}));
	const covered = new Set(rounds.map((round) => round.regionCode));
	return {
		rounds,
		regionsWithout: regions
			.filter((region) => !covered.has(region.code))
			.map((region) => ({ code: region.code, name: region.name }))
	};
}

export async function getNationalMatrix(ctx: Ctx): Promise<NationalMatrix> {
	return nationalMatrix(await publicationsFor(ctx));
}

/** Denmark by municipality: clusters with agreements there plus clusters present there. */
export async function nationalMap(ctx: Ctx, matrix: NationalMatrix): Promise<string> {
	const municipalities = await listMunicipalities(ctx.db);
	const value = (code: string) =>
		(matrix.municipalities[code]?.agreements ?? 0) + (matrix.municipalities[code]?.presence ?? 0);
	const max = Math.max(0, ...municipalities.map((mu) => value(mu.code)));
	return renderSvg(
		choroplethOption({
			map: await municipalityMap(null),
			areas: municipalities.map((mu) => ({ code: mu.code, name: mu.name, value: value(mu.code) })),
			markers: [],
			outlines: regionOutlines(null),
			legendLow: '0',
			legendHigh: m.national_legend(
				{ count: formatNumber(max, ctx.locale) },
				{ locale: ctx.locale }
			),
			max
		}),
		{ width: 620, height: 520 }
	);
}
