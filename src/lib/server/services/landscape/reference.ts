/** Read access to reference data: geography, actors and the reference documents. */
import { z } from 'zod';
import { RegionCodeSchema } from '$lib/domain/regions';
import { TaxonomySchema, type Taxonomy } from '$lib/domain/taxonomy';
import { NotFoundError } from '$lib/domain/errors';
import type { Db } from '../../db/client';
import { getReferenceDocument } from '../../db/queries/reference/documents';
import {
	listActorsOfRegion,
	listMunicipalities,
	listRegions
} from '../../db/queries/reference/geography';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import type { Ctx } from '../context';

export interface RegionView {
	code: string;
	name: string;
	municipalities: number;
}

export interface MunicipalityView {
	code: string;
	name: string;
	regionCode: string;
}

export interface ActorView {
	slug: string;
	name: string;
	kind: string;
	regionCode: string;
	municipalityCode: string | null;
	note: string | null;
	source: string | null;
	surveyRoles: string[];
}

/**
 * The taxonomy, kept for the process: it is reference data from the package's files and only
 * changes when the seed loads them again (which calls `forgetTaxonomyCache`). Not keyed by the
 * database handle: a request reads through its own transaction object.
 */
let taxonomyCache: Taxonomy | undefined;

/** The taxonomy (activity categories, stages, …); read once, it only changes on seed. */
export async function getTaxonomy(db: Db): Promise<Taxonomy> {
	if (taxonomyCache) return taxonomyCache;
	const value = TaxonomySchema.parse(await getReferenceDocument(db, 'taxonomy'));
	taxonomyCache = value;
	return value;
}

export function forgetTaxonomyCache(): void {
	taxonomyCache = undefined;
}

export async function getRegions(ctx: Ctx): Promise<RegionView[]> {
	const [regions, municipalities] = await Promise.all([
		listRegions(ctx.db),
		listMunicipalities(ctx.db)
	]);
	return regions.map((region) => ({
		code: region.code,
		name: region.name,
		municipalities: municipalities.filter((municipality) => municipality.regionCode === region.code)
			.length
	}));
}

export const MunicipalityQuerySchema = z.object({
	region: RegionCodeSchema.optional()
});

export async function getMunicipalities(
	ctx: Ctx,
	query: z.input<typeof MunicipalityQuerySchema> = {}
): Promise<MunicipalityView[]> {
	const { region } = parseInput(MunicipalityQuerySchema, query, ctx.locale);
	const rows = await listMunicipalities(ctx.db);
	return rows
		.filter((row) => region === undefined || row.regionCode === region)
		.map((row) => ({ code: row.code, name: row.name, regionCode: row.regionCode }));
}

export const ActorQuerySchema = z.object({ region: RegionCodeSchema });

export async function getActors(
	ctx: Ctx,
	query: z.input<typeof ActorQuerySchema>
): Promise<ActorView[]> {
	const { region } = parseInput(ActorQuerySchema, query, ctx.locale);
	const rows = await listActorsOfRegion(ctx.db, region);
	return rows.map((row) => ({
		slug: row.slug,
		name: row.name,
		kind: row.kind,
		regionCode: row.regionCode,
		municipalityCode: row.municipalityCode,
		note: row.note,
		source: row.source,
		surveyRoles: row.surveyRoles
	}));
}

/** A reference document by key, for the data-driven history and programme pages. */
export async function getReferenceContent(ctx: Ctx, key: string): Promise<unknown> {
	const content = await getReferenceDocument(ctx.db, key);
	if (content === undefined) throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
	return content;
}
