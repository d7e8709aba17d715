/**
 * The controlled vocabularies of `taxonomy.json` as the app uses them. The schema validates the
 * reference document when it is read from the database.
 */
import { z } from 'zod';

const Labelled = z.object({ code: z.string(), da: z.string(), en: z.string() });

export const TaxonomySchema = z.object({
	activityCategories: z.array(Labelled.extend({ examples_da: z.array(z.string()) })),
	regionalSurveyActivities: z.object({ options: z.array(Labelled) }),
	maturityStages: z.array(Labelled.extend({ description_en: z.string() })),
	maturityDimensions: z.array(Labelled),
	targetGroups: z.array(Labelled),
	fundingSources: z.array(Labelled),
	businessModelRanges2023: z.object({
		note: z.string(),
		employees: z.object({ min: z.number(), max: z.union([z.number(), z.string()]) }),
		members: z.object({ min: z.number(), max: z.number() }),
		boardMembers: z.object({ min: z.number(), max: z.number() }),
		fundingRatioLargestToSmallest2021: z.string(),
		chair: z.string()
	}),
	preAgreementChecklist: z.object({
		items: z.array(z.object({ code: z.string(), da: z.string() }))
	})
});
export type Taxonomy = z.infer<typeof TaxonomySchema>;

export function label(item: { da: string; en: string }, locale: 'da' | 'en'): string {
	return item[locale];
}
