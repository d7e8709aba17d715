/**
 * A region's strategy: vision, efforts, regional hubs and fit weights, saved as versions. Every
 * change (one effort, the vision, the weights, a hub) saves a new version; earlier versions stay
 * viewable, and the form names the version it was based on so two editors cannot overwrite
 * each other unseen.
 */
import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { codeFromTitle } from '$lib/domain/codes';
import { ConflictError, NotFoundError, ValidationError } from '$lib/domain/errors';
import {
	EffortSchema,
	HubSchema,
	StrategyContentSchema,
	defaultWeights,
	type StrategyContent
} from '$lib/domain/strategy/strategy';
import { listActorsOfRegion } from '../../db/queries/reference/geography';
import {
	ensureStrategy,
	findStrategy,
	findStrategyVersion,
	insertStrategyVersion,
	latestStrategyVersion,
	listStrategyVersions,
	type StrategyVersionListRow
} from '../../db/queries/strategy/strategies';
import { m } from '../../i18n';
import { parseInput, regionOrThrow } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { parseWeights, versionView, type StrategyVersionView } from './read';
import { loadClusters, getRegions, getTaxonomy, type RegionView } from '../landscape';

export interface StrategyPage {
	region: RegionView;
	regions: RegionView[];
	version: StrategyVersionView | null;
	latestVersion: number | null;
	versions: StrategyVersionListRow[];
	options: {
		areas: string[];
		activityCategories: { code: string; label: string }[];
		hubActors: { slug: string; name: string }[];
	};
}

export async function getStrategyPage(
	ctx: Ctx,
	regionCode: string,
	versionNumber: number | null
): Promise<StrategyPage> {
	requireRole(ctx, 'viewer');
	const code = regionOrThrow(ctx, regionCode);
	const [regions, strategy, taxonomy, clusters, actors] = await Promise.all([
		getRegions(ctx),
		findStrategy(ctx.db, code),
		getTaxonomy(ctx.db),
		loadClusters(ctx.db),
		listActorsOfRegion(ctx.db, code)
	]);
	const region = regions.find((r) => r.code === code);
	if (!region) throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
	const versions = strategy ? await listStrategyVersions(ctx.db, strategy.id) : [];
	const wanted = versionNumber ?? versions[0]?.version ?? null;
	const row =
		strategy && wanted !== null
			? await findStrategyVersion(ctx.db, strategy.id, wanted)
			: undefined;
	if (versionNumber !== null && !row) {
		throw new NotFoundError(
			m.strategy_version_not_found({ version: versionNumber }, { locale: ctx.locale })
		);
	}
	return {
		region,
		regions,
		version: row ? versionView(row) : null,
		latestVersion: versions[0]?.version ?? null,
		versions,
		options: {
			areas: [...new Set(clusters.map((c) => c.area))].sort((a, b) => a.localeCompare(b, 'da')),
			activityCategories: taxonomy.activityCategories.map((c) => ({
				code: c.code,
				label: c[ctx.locale]
			})),
			hubActors: actors.map((a) => ({ slug: a.slug, name: a.name }))
		}
	};
}

const BaseVersionSchema = z.coerce.number().int().min(0);

/**
 * Applies one change to the latest version and saves the result as the next version, in one
 * transaction with its audit record. `baseVersion` is the version the user's form showed.
 */
async function saveChange(
	ctx: Ctx,
	regionCode: string,
	baseVersion: unknown,
	change: (content: StrategyContent) => StrategyContent,
	issuePrefix: (path: (string | number)[]) => (string | number)[] = (path) => path
): Promise<StrategyVersionView> {
	requireRole(ctx, 'analyst');
	const code = regionOrThrow(ctx, regionCode);
	const base = parseInput(
		z.object({ baseVersion: BaseVersionSchema }),
		{ baseVersion },
		ctx.locale
	).baseVersion;
	return ctx.db.transaction(async (tx) => {
		const strategy = await ensureStrategy(tx, code, null);
		const latest = await latestStrategyVersion(tx, strategy.id);
		if ((latest?.version ?? 0) !== base) {
			throw new ConflictError(m.strategy_version_conflict({}, { locale: ctx.locale }));
		}
		const before = latest ? versionView(latest) : null;
		const current: StrategyContent = before
			? {
					vision: before.vision,
					efforts: before.efforts,
					hubs: before.hubs,
					weights: before.weights
				}
			: { vision: '', efforts: [], hubs: [], weights: defaultWeights };
		const data = parseWithPaths(ctx, change(current), issuePrefix);
		const saved = await insertStrategyVersion(tx, {
			strategyId: strategy.id,
			version: base + 1,
			vision: data.vision,
			efforts: data.efforts,
			hubs: data.hubs,
			weights: data.weights,
			isExample: false,
			source: null,
			createdByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'strategy',
			entityId: code,
			action: before ? 'update' : 'create',
			before,
			after: { version: saved.version, ...data }
		});
		return versionView(saved);
	});
}

/** Validates the whole strategy; issues are renamed to the fields of the form that changed it. */
function parseWithPaths(
	ctx: Ctx,
	content: StrategyContent,
	issuePrefix: (path: (string | number)[]) => (string | number)[]
): StrategyContent {
	try {
		return parseInput(StrategyContentSchema, content, ctx.locale);
	} catch (err) {
		if (err instanceof ValidationError) {
			throw new ValidationError(
				err.message,
				err.issues.map((issue) => ({ ...issue, path: issuePrefix(issue.path) }))
			);
		}
		throw err;
	}
}

/**
 * Parses a form whose list fields are one input each (checkboxes, a comma list): an issue with
 * one item (`keywords.2`) is reported on the field (`keywords`), where the user sees it.
 */
function parseListFields<T extends z.ZodType>(
	ctx: Ctx,
	schema: T,
	input: unknown,
	listFields: string[]
): z.output<T> {
	try {
		return parseInput(schema, input, ctx.locale);
	} catch (err) {
		if (!(err instanceof ValidationError)) throw err;
		throw new ValidationError(
			err.message,
			err.issues.map((issue) =>
				listFields.includes(String(issue.path[0]))
					? { ...issue, path: [issue.path[0] ?? ''] }
					: issue
			)
		);
	}
}

/** Splits "a, b; c" into trimmed, lower-case, distinct words. */
const wordList = z.preprocess(
	(value) =>
		typeof value === 'string'
			? [
					...new Set(
						value
							.split(/[,;\n]/)
							.map((w) => w.trim().toLowerCase())
							.filter(Boolean)
					)
				]
			: value,
	z.array(z.string().min(2).max(60)).max(40)
);
const codes = z.preprocess(
	(value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
	z.array(z.string().max(200)).max(30)
);

export const EffortFormSchema = z.object({
	baseVersion: BaseVersionSchema,
	/** The code of the effort being edited; empty for a new effort. */
	original: z.string().max(60).default(''),
	title: z.object({
		da: z.string().trim().min(1).max(500),
		en: z.string().trim().max(500).default('')
	}),
	description: z.string().trim().max(4000).default(''),
	areas: codes,
	activityCategories: codes,
	keywords: wordList
});
export type EffortForm = z.input<typeof EffortFormSchema>;

export async function saveEffort(
	ctx: Ctx,
	regionCode: string,
	input: EffortForm
): Promise<StrategyVersionView> {
	requireRole(ctx, 'analyst');
	const form = parseListFields(ctx, EffortFormSchema, input, [
		'areas',
		'activityCategories',
		'keywords'
	]);
	const taxonomy = await getTaxonomy(ctx.db);
	const known = new Set(taxonomy.activityCategories.map((c) => c.code));
	const unknown = form.activityCategories.filter((c) => !known.has(c));
	if (unknown.length > 0) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{
				path: ['activityCategories'],
				message: m.strategy_unknown_activity({ values: unknown.join(', ') }, { locale: ctx.locale })
			}
		]);
	}
	let index = -1;
	return saveChange(
		ctx,
		regionCode,
		form.baseVersion,
		(content) => {
			const existing = form.original
				? content.efforts.findIndex((e) => e.code === form.original)
				: -1;
			if (form.original && existing < 0) {
				throw new NotFoundError(
					m.strategy_effort_not_found({ code: form.original }, { locale: ctx.locale })
				);
			}
			const effort = EffortSchema.parse({
				code:
					form.original ||
					codeFromTitle(
						form.title.da,
						content.efforts.map((e) => e.code)
					),
				title: { da: form.title.da, en: form.title.en },
				description: form.description,
				areas: form.areas,
				activityCategories: form.activityCategories,
				keywords: form.keywords
			});
			const efforts = [...content.efforts];
			if (existing >= 0) efforts[existing] = effort;
			else efforts.push(effort);
			index = existing >= 0 ? existing : efforts.length - 1;
			return { ...content, efforts };
		},
		(path) => (path[0] === 'efforts' && path[1] === index ? path.slice(2) : path)
	);
}

export async function removeEffort(
	ctx: Ctx,
	regionCode: string,
	input: { baseVersion: unknown; code: string }
): Promise<StrategyVersionView> {
	return saveChange(ctx, regionCode, input.baseVersion, (content) => {
		if (!content.efforts.some((e) => e.code === input.code)) {
			throw new NotFoundError(
				m.strategy_effort_not_found({ code: input.code }, { locale: ctx.locale })
			);
		}
		return { ...content, efforts: content.efforts.filter((e) => e.code !== input.code) };
	});
}

export async function saveVision(
	ctx: Ctx,
	regionCode: string,
	input: { baseVersion: unknown; vision: unknown }
): Promise<StrategyVersionView> {
	return saveChange(
		ctx,
		regionCode,
		input.baseVersion,
		(content) => ({ ...content, vision: typeof input.vision === 'string' ? input.vision : '' }),
		(path) => path
	);
}

export async function saveWeights(
	ctx: Ctx,
	regionCode: string,
	input: Record<string, unknown> & { baseVersion: unknown }
): Promise<StrategyVersionView> {
	requireRole(ctx, 'analyst');
	const weights = parseWeights(ctx, input);
	return saveChange(
		ctx,
		regionCode,
		input.baseVersion,
		(content) => ({ ...content, weights }),
		(path) => (path[0] === 'weights' ? path.slice(1) : path)
	);
}

export const HubFormSchema = z.object({
	actor: z.string().trim().min(1).max(100),
	keywords: wordList
});

export async function saveHub(
	ctx: Ctx,
	regionCode: string,
	input: { baseVersion: unknown; actor: unknown; keywords: unknown }
): Promise<StrategyVersionView> {
	requireRole(ctx, 'analyst');
	const code = regionOrThrow(ctx, regionCode);
	const hub = HubSchema.parse(parseListFields(ctx, HubFormSchema, input, ['keywords']));
	const actors = await listActorsOfRegion(ctx.db, code);
	if (!actors.some((a) => a.slug === hub.actor)) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{
				path: ['actor'],
				message: m.strategy_unknown_actor({ actor: hub.actor }, { locale: ctx.locale })
			}
		]);
	}
	return saveChange(ctx, code, input.baseVersion, (content) => ({
		...content,
		hubs: [...content.hubs.filter((h) => h.actor !== hub.actor), hub]
	}));
}

export async function removeHub(
	ctx: Ctx,
	regionCode: string,
	input: { baseVersion: unknown; actor: string }
): Promise<StrategyVersionView> {
	return saveChange(ctx, regionCode, input.baseVersion, (content) => ({
		...content,
		hubs: content.hubs.filter((h) => h.actor !== input.actor)
	}));
}

/** Saves an earlier version's content as the newest version. */
export async function restoreVersion(
	ctx: Ctx,
	regionCode: string,
	input: { baseVersion: unknown; version: unknown }
): Promise<StrategyVersionView> {
	requireRole(ctx, 'analyst');
	const code = regionOrThrow(ctx, regionCode);
	const { version } = parseInput(
		z.object({ version: z.coerce.number().int().min(1) }),
		input,
		ctx.locale
	);
	const strategy = await findStrategy(ctx.db, code);
	const row = strategy ? await findStrategyVersion(ctx.db, strategy.id, version) : undefined;
	if (!row)
		throw new NotFoundError(m.strategy_version_not_found({ version }, { locale: ctx.locale }));
	const old = versionView(row);
	return saveChange(ctx, code, input.baseVersion, () => ({
		vision: old.vision,
		efforts: old.efforts,
		hubs: old.hubs,
		weights: old.weights
	}));
}

/**
 * The region the pages open on: the query's, else a regional body's own, else the first region
 * with a strategy.
 */
export async function strategyRegion(ctx: Ctx, requested: string | null): Promise<string> {
	if (requested) return regionOrThrow(ctx, requested);
	// A regional body works for its region; the others start where a strategy exists.
	if (ctx.organisation?.regionCode) return ctx.organisation.regionCode;
	const regions = await getRegions(ctx);
	for (const region of regions) if (await findStrategy(ctx.db, region.code)) return region.code;
	return regions[0]?.code ?? '1081';
}

/** The strategy for the API: the latest version with its content, and the list of versions. */
export async function getStrategyJson(ctx: Ctx, regionCode: string) {
	const page = await getStrategyPage(ctx, regionCode, null);
	if (!page.version)
		throw new NotFoundError(m.strategy_none({ region: page.region.name }, { locale: ctx.locale }));
	const { id: _id, createdAt, ...version } = page.version;
	return {
		format: 'klyngeradar/strategy@1' as const,
		region: { code: page.region.code, name: page.region.name },
		version: { ...version, createdAt: createdAt.toISOString() },
		versions: page.versions.map((v) => ({
			version: v.version,
			isExample: v.isExample,
			createdBy: v.createdByLabel,
			createdAt: v.createdAt.toISOString()
		}))
	};
}
