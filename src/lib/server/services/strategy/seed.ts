/**
 * Seeds the collaboration-model catalogue (`data/catalogue/`) and the example strategy for North
 * Jutland (`data/reference/strategy-example-nordjylland.json`), inside the reference seed's
 * transaction. Edited models and any existing strategy are left alone.
 */
import { z } from 'zod';
import type { CatalogueFileSchema } from '$lib/domain/collaboration/catalogue';
import {
	defaultWeights,
	exampleEffortDetails,
	exampleHubs,
	type StrategyContent
} from '$lib/domain/strategy/strategy';
import type { Tx } from '../../db/client';
import { modelColumns, upsertSeedModel } from '../../db/queries/strategy/models';
import {
	ensureStrategy,
	insertStrategyVersion,
	latestStrategyVersion
} from '../../db/queries/strategy/strategies';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';

export const StrategyExampleSchema = z.object({
	_meta: z.looseObject({ source: z.string() }),
	regionCode: z.string(),
	owner: z.string(),
	vision_da: z.string(),
	efforts: z.array(z.object({ code: z.string(), da: z.string(), en: z.string() }))
});

export function exampleContent(example: z.infer<typeof StrategyExampleSchema>): StrategyContent {
	return {
		vision: example.vision_da,
		efforts: example.efforts.map((effort) => {
			const details = exampleEffortDetails[effort.code];
			return {
				code: effort.code,
				title: { da: effort.da, en: effort.en },
				description: details?.description ?? '',
				areas: details?.areas ?? [],
				activityCategories: details?.activityCategories ?? [],
				keywords: details?.keywords ?? []
			};
		}),
		hubs: exampleHubs,
		weights: defaultWeights
	};
}

/** The collaboration-model catalogue's defaults (shared by every organisation). */
export async function seedModelCatalogue(
	tx: Tx,
	catalogue: z.infer<typeof CatalogueFileSchema>
): Promise<void> {
	for (const [index, model] of catalogue.models.entries()) {
		await upsertSeedModel(tx, { ...modelColumns(model), sortOrder: index });
	}
}

/**
 * The example strategy of the seed document's region, as version 1 of the organisation in
 * scope's strategy for that region, unless it has one already.
 */
export async function seedStrategyExample(
	tx: Tx,
	ctx: Pick<Ctx, 'actor'>,
	example: z.infer<typeof StrategyExampleSchema>
): Promise<void> {
	const strategy = await ensureStrategy(tx, example.regionCode, example.owner);
	if (await latestStrategyVersion(tx, strategy.id)) return;
	const content = exampleContent(example);
	await insertStrategyVersion(tx, {
		strategyId: strategy.id,
		version: 1,
		vision: content.vision,
		efforts: content.efforts,
		weights: content.weights,
		hubs: content.hubs,
		isExample: true,
		source: example._meta.source,
		createdByLabel: 'seed'
	});
	await recordAudit(tx, ctx, {
		entity: 'strategy',
		entityId: example.regionCode,
		action: 'create',
		after: { version: 1, example: true, ...content }
	});
}
