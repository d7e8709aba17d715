/**
 * A region's strategy as the other areas read it: the latest version, a version's content, and
 * fit weights from a form. Only queries and validation below it, so fit, collaboration,
 * agreements and meetings can read a strategy without reaching the editing services.
 */
import { z } from 'zod';
import {
	StrategyContentSchema,
	WeightsSchema,
	defaultWeights,
	type Effort,
	type Hub,
	type Weights
} from '$lib/domain/strategy/strategy';
import {
	findStrategy,
	latestStrategyVersion,
	type StrategyVersionRow
} from '../../db/queries/strategy/strategies';
import { parseInput } from '../../validation';
import type { Ctx } from '../context';

export interface StrategyVersionView {
	id: number;
	version: number;
	vision: string;
	efforts: Effort[];
	hubs: Hub[];
	weights: Weights;
	isExample: boolean;
	source: string | null;
	createdByLabel: string;
	createdAt: Date;
}

export function versionView(row: StrategyVersionRow): StrategyVersionView {
	const content = StrategyContentSchema.parse({
		vision: row.vision,
		efforts: row.efforts,
		hubs: row.hubs,
		weights: row.weights
	});
	return {
		id: row.id,
		version: row.version,
		...content,
		isExample: row.isExample,
		source: row.source,
		createdByLabel: row.createdByLabel,
		createdAt: row.createdAt
	};
}

/** The strategy's latest version, or null when the region has none yet. */
export async function currentStrategy(
	ctx: Ctx,
	regionCode: string
): Promise<{ strategyId: number; version: StrategyVersionView } | null> {
	const strategy = await findStrategy(ctx.db, regionCode);
	const latest = strategy ? await latestStrategyVersion(ctx.db, strategy.id) : undefined;
	return strategy && latest ? { strategyId: strategy.id, version: versionView(latest) } : null;
}

const WeightsFormSchema = z.object(
	Object.fromEntries(
		Object.keys(defaultWeights).map((k) => [k, z.coerce.number().int().min(0).max(100)])
	) as Record<keyof Weights, z.ZodCoercedNumber>
);

/** Parses weights from a form or query (strings); used by saving and by the what-if view. */
export function parseWeights(ctx: Ctx, input: Record<string, unknown>): Weights {
	return parseInput(WeightsSchema, parseInput(WeightsFormSchema, input, ctx.locale), ctx.locale);
}
