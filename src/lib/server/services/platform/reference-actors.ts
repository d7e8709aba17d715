/**
 * The reference actors the seed loads into `actors`: Region Nordjylland's from the seed document
 * (`actors-nordjylland.json`) and the key actors of the other four regions (`actors-regions.json`),
 * each with the survey questions that list it as an answer option (`surveyRoles`).
 */
import { z } from 'zod';
import { RegionCodeSchema } from '$lib/domain/regions';
import type { upsertReferenceActors } from '../../db/queries/reference/geography';

/** The region of the seed document's actors when an actor names none. */
const ACTOR_REGION = '1081';

const ActorSchema = z.object({
	slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	name: z.string(),
	kind: z.string(),
	municipalityCode: z
		.string()
		.regex(/^\d{3}$/)
		.optional(),
	regionCode: RegionCodeSchema.optional(),
	note: z.string().optional(),
	source: z.string().optional()
});

/** Which actors (by slug) each survey question lists. */
const SurveyOptionsSchema = z.object({
	presenceCoLocation: z.array(z.string()),
	partners: z.array(z.string()),
	agreementParties: z.array(z.string())
});
type SurveyOptions = z.infer<typeof SurveyOptionsSchema>;

/** `actors-nordjylland.json`: one region, one set of survey options. */
export const ActorsSchema = z.object({
	actors: z.array(ActorSchema),
	surveyOptions: SurveyOptionsSchema
});

/**
 * `actors-regions.json`: every actor names its region and its own website, and the survey options
 * are kept per region, listing only that region's actors.
 */
export const RegionActorsSchema = z
	.object({
		actors: z.array(
			ActorSchema.extend({ regionCode: RegionCodeSchema, source: z.string().regex(/^https:\/\//) })
		),
		surveyOptions: z.record(RegionCodeSchema, SurveyOptionsSchema)
	})
	.superRefine((file, ctx) => {
		const regionOf = new Map(file.actors.map((actor) => [actor.slug, actor.regionCode]));
		for (const [region, options] of Object.entries(file.surveyOptions)) {
			for (const [question, slugs] of Object.entries(options)) {
				for (const slug of slugs) {
					if (regionOf.get(slug) !== region) {
						ctx.addIssue({
							code: 'custom',
							path: ['surveyOptions', region, question],
							message: `${slug} is not an actor of region ${region}`
						});
					}
				}
			}
		}
	});

export type ReferenceActorRow = Parameters<typeof upsertReferenceActors>[1][number];

function surveyRoles(options: SurveyOptions | undefined, slug: string): string[] {
	if (!options) return [];
	return [
		...(options.presenceCoLocation.includes(slug) ? ['presence-co-location'] : []),
		...(options.partners.includes(slug) ? ['partners'] : []),
		...(options.agreementParties.includes(slug) ? ['agreement-parties'] : [])
	];
}

function actorRow(
	actor: z.infer<typeof ActorSchema>,
	regionCode: string,
	options: SurveyOptions | undefined
): ReferenceActorRow {
	return {
		slug: actor.slug,
		name: actor.name,
		kind: actor.kind,
		regionCode,
		municipalityCode: actor.municipalityCode ?? null,
		note: actor.note ?? null,
		source: actor.source ?? null,
		surveyRoles: surveyRoles(options, actor.slug)
	};
}

/** The rows of both actor files; a slug used twice across them is an error in the data. */
export function referenceActorRows(
	nordjylland: z.infer<typeof ActorsSchema>,
	regions: z.infer<typeof RegionActorsSchema>
): ReferenceActorRow[] {
	const rows = [
		...nordjylland.actors.map((actor) =>
			actorRow(actor, actor.regionCode ?? ACTOR_REGION, nordjylland.surveyOptions)
		),
		...regions.actors.map((actor) =>
			actorRow(actor, actor.regionCode, regions.surveyOptions[actor.regionCode])
		)
	];
	const seen = new Set<string>();
	for (const row of rows) {
		if (seen.has(row.slug)) throw new Error(`Reference actor "${row.slug}" is listed twice`);
		seen.add(row.slug);
	}
	return rows;
}
