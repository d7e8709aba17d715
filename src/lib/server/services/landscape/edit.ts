/**
 * Analysts' edits to the landscape: cluster facts (with an optimistic version check), figures
 * with their source, offices, offered activities and the maturity override. Each edit is one
 * transaction together with its audit entry.
 */
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '$lib/domain/errors';
import { parseLocaleNumber } from '$lib/domain/numbers';
import {
	clusterStatuses,
	maturityStages,
	metrics,
	metricUnits,
	qualifiers,
	units,
	type Metric,
	type Unit
} from '$lib/domain/landscape/types';
import type { Tx } from '../../db/client';
import {
	deleteOffice,
	deleteStageOverride,
	findFigureById,
	insertOffice,
	listActivities,
	replaceActivities,
	saveUserFigure,
	softDeleteFigure,
	upsertStageOverride,
	findFigure
} from '../../db/queries/landscape/children';
import {
	findClusterBySlug,
	markOfficesEdited,
	updateClusterVersioned,
	type ClusterRow
} from '../../db/queries/landscape/clusters';
import { listMunicipalities } from '../../db/queries/reference/geography';
import { m } from '../../i18n';
import { parseInput, yearSchema } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { getTaxonomy } from './reference';

const optionalText = (max: number) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? null : value),
		z.string().trim().max(max).nullable().optional()
	);
const optionalYear = z.preprocess(
	(value) =>
		value === '' || value === undefined ? null : typeof value === 'string' ? Number(value) : value,
	yearSchema.nullable()
);
const webUrl = z.url({ protocol: /^https?$/ });

export const ClusterEditSchema = z
	.object({
		version: z.coerce.number().int().min(1),
		name: z.string().trim().min(1).max(200),
		shortName: z.string().trim().min(1).max(60),
		area: z.string().trim().min(1).max(200),
		emerging: z.enum(['yes', 'no', 'unknown']),
		status: z.enum(clusterStatuses),
		closedYear: optionalYear.optional(),
		statusNote: optionalText(1000),
		website: z.preprocess((value) => (value === '' ? null : value), webUrl.nullable().optional()),
		organisationForm: optionalText(200),
		focus: optionalText(4000)
	})
	.superRefine((value, ctx) => {
		if (
			value.status === 'closed' &&
			(value.closedYear === null || value.closedYear === undefined)
		) {
			ctx.addIssue({
				code: 'custom',
				path: ['closedYear'],
				params: { i18n: 'landscape_closed_year_required' }
			});
		}
		if (value.status === 'active' && value.closedYear !== null && value.closedYear !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['closedYear'],
				params: { i18n: 'landscape_closed_year_active' }
			});
		}
	});
export type ClusterEdit = z.input<typeof ClusterEditSchema>;

async function clusterOrThrow(
	ctx: Ctx,
	slug: string,
	db: Ctx['db'] | Tx = ctx.db
): Promise<ClusterRow> {
	const row = await findClusterBySlug(db, slug);
	if (!row)
		throw new NotFoundError(m.landscape_cluster_not_found({ slug }, { locale: ctx.locale }));
	return row;
}

function editableOf(row: ClusterRow): Record<string, unknown> {
	return {
		name: row.name,
		shortName: row.shortName,
		area: row.area,
		emerging: row.emerging === null ? 'unknown' : row.emerging ? 'yes' : 'no',
		status: row.status,
		closedYear: row.closedYear,
		statusNote: row.statusNote,
		website: row.website,
		organisationForm: row.organisationForm,
		focus: row.focus
	};
}

/**
 * Saves a cluster's facts. The caller sends the version it saw; when someone else saved in
 * between, the edit is refused rather than silently overwriting theirs.
 */
export async function updateCluster(
	ctx: Ctx,
	slug: string,
	input: Record<string, unknown>
): Promise<ClusterRow> {
	requireRole(ctx, 'analyst');
	const current = await clusterOrThrow(ctx, slug);
	const data = parseInput(ClusterEditSchema, { ...editableOf(current), ...input }, ctx.locale);
	return ctx.db.transaction(async (tx) => {
		const updated = await updateClusterVersioned(tx, current.id, data.version, {
			name: data.name,
			shortName: data.shortName,
			area: data.area,
			emerging: data.emerging === 'unknown' ? null : data.emerging === 'yes',
			emergingUncertain: data.emerging === 'unknown' ? current.emergingUncertain : false,
			status: data.status,
			closedYear: data.status === 'closed' ? (data.closedYear ?? null) : null,
			statusNote: data.statusNote ?? null,
			website: data.website ?? null,
			organisationForm: data.organisationForm ?? null,
			focus: data.focus ?? null
		});
		if (!updated) throw new ConflictError(m.landscape_version_conflict({}, { locale: ctx.locale }));
		await recordAudit(tx, ctx, {
			entity: 'cluster',
			entityId: slug,
			action: 'update',
			before: current,
			after: updated
		});
		return updated;
	});
}

export const FigureInputSchema = z
	.object({
		metric: z.enum(metrics),
		year: yearSchema.nullable(),
		value: z.number().min(0),
		unit: z.enum(units).optional(),
		qualifier: z.enum(qualifiers).default('exact'),
		isEstimate: z.boolean().default(false),
		sourceKind: z.enum(['url', 'survey', 'user']),
		sourceUrl: z.preprocess((value) => (value === '' ? null : value), webUrl.nullable().optional()),
		sourceLabel: optionalText(200),
		note: optionalText(2000)
	})
	.superRefine((value, ctx) => {
		const allowed = metricUnits[value.metric];
		const unit = value.unit ?? allowed[0];
		if (unit && !allowed.includes(unit)) {
			ctx.addIssue({
				code: 'custom',
				path: ['unit'],
				params: { i18n: 'landscape_unit_not_allowed', units: allowed.join(', ') }
			});
		}
		if (unit === 'share' && value.value > 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				params: { i18n: 'landscape_share_too_big' }
			});
		}
		if (unit === 'boolean' && value.value !== 0 && value.value !== 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				params: { i18n: 'landscape_boolean_value' }
			});
		}
		if (unit === 'count' && !Number.isInteger(value.value)) {
			ctx.addIssue({ code: 'custom', path: ['value'], params: { i18n: 'validation_integer' } });
		}
		if (value.sourceKind === 'url' && !value.sourceUrl) {
			ctx.addIssue({
				code: 'custom',
				path: ['sourceUrl'],
				params: { i18n: 'landscape_source_url_required' }
			});
		}
		if (value.sourceKind === 'survey' && !value.sourceLabel) {
			ctx.addIssue({
				code: 'custom',
				path: ['sourceLabel'],
				params: { i18n: 'landscape_source_label_required' }
			});
		}
	});
export type FigureInput = z.input<typeof FigureInputSchema>;

/**
 * Reads the figure form: Danish numbers (`1.740`, `12,5`), shares typed as percent, yes/no for
 * booleans, an empty year for undated. Unreadable values pass through so validation names them.
 */
export function figureInputFromForm(form: FormData): Record<string, unknown> {
	const text = (name: string) => String(form.get(name) ?? '').trim();
	const metric = text('metric') as Metric;
	const unit = (text('unit') || metricUnits[metric]?.[0]) as Unit | undefined;
	const rawValue = text('value');
	let value: unknown = rawValue === '' ? undefined : (parseLocaleNumber(rawValue) ?? rawValue);
	if (unit === 'boolean')
		value = rawValue === 'yes' ? 1 : rawValue === 'no' ? 0 : rawValue || undefined;
	else if (unit === 'share' && typeof value === 'number') value = value / 100;
	const year = text('year');
	return {
		metric,
		year: year === '' ? null : (parseLocaleNumber(year) ?? year),
		value,
		unit,
		qualifier: text('qualifier') || 'exact',
		isEstimate: form.get('isEstimate') === 'on' || form.get('isEstimate') === 'true',
		sourceKind: text('sourceKind'),
		sourceUrl: text('sourceUrl'),
		sourceLabel: text('sourceLabel'),
		note: text('note')
	};
}

/** Records a figure for a metric and year, replacing any value already there. */
export async function saveFigure(ctx: Ctx, slug: string, input: unknown) {
	requireRole(ctx, 'analyst');
	const data = parseInput(FigureInputSchema, input, ctx.locale);
	const cluster = await clusterOrThrow(ctx, slug);
	return ctx.db.transaction(async (tx) => {
		const before = await findFigure(tx, cluster.id, data.metric, data.year);
		const saved = await saveUserFigure(tx, {
			clusterId: cluster.id,
			metric: data.metric,
			year: data.year,
			value: data.value,
			unit: data.unit ?? metricUnits[data.metric][0] ?? 'count',
			qualifier: data.qualifier,
			isEstimate: data.isEstimate,
			sourceKind: data.sourceKind,
			sourceUrl: data.sourceUrl ?? null,
			sourceLabel: data.sourceLabel ?? null,
			note: data.note ?? null,
			createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null
		});
		await recordAudit(tx, ctx, {
			entity: 'cluster',
			entityId: slug,
			action: before && !before.deletedAt ? 'update' : 'create',
			before: before && !before.deletedAt ? { figure: before } : null,
			after: { figure: saved }
		});
		return saved;
	});
}

export async function deleteFigure(ctx: Ctx, slug: string, figureId: number): Promise<void> {
	requireRole(ctx, 'analyst');
	const cluster = await clusterOrThrow(ctx, slug);
	await ctx.db.transaction(async (tx) => {
		const figure = Number.isInteger(figureId)
			? await findFigureById(tx, cluster.id, figureId)
			: undefined;
		if (!figure) throw new NotFoundError(m.landscape_figure_not_found({}, { locale: ctx.locale }));
		await softDeleteFigure(tx, figure.id);
		await recordAudit(tx, ctx, {
			entity: 'cluster',
			entityId: slug,
			action: 'delete',
			before: { figure },
			after: null
		});
	});
}

export const OfficeInputSchema = z.object({
	label: z.string().trim().min(1).max(200),
	municipalityCode: z.preprocess(
		(value) => (value === '' ? null : value),
		z
			.string()
			.regex(/^\d{3}$/)
			.nullable()
	),
	isHq: z.boolean().default(false),
	fromYear: optionalYear.optional()
});

export async function addOffice(ctx: Ctx, slug: string, input: unknown) {
	requireRole(ctx, 'analyst');
	const data = parseInput(OfficeInputSchema, input, ctx.locale);
	const cluster = await clusterOrThrow(ctx, slug);
	if (data.municipalityCode) {
		const known = (await listMunicipalities(ctx.db)).some(
			(mu) => mu.code === data.municipalityCode
		);
		if (!known) {
			throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
				{
					path: ['municipalityCode'],
					message: m.landscape_unknown_municipality(
						{ code: data.municipalityCode },
						{ locale: ctx.locale }
					)
				}
			]);
		}
	}
	return ctx.db.transaction(async (tx) => {
		const office = await insertOffice(tx, {
			clusterId: cluster.id,
			label: data.label,
			municipalityCode: data.municipalityCode,
			isHq: data.isHq,
			fromYear: data.fromYear ?? null,
			origin: 'user'
		});
		await markOfficesEdited(tx, cluster.id);
		await recordAudit(tx, ctx, {
			entity: 'cluster',
			entityId: slug,
			action: 'create',
			after: { office }
		});
		return office;
	});
}

export async function removeOffice(ctx: Ctx, slug: string, officeId: number): Promise<void> {
	requireRole(ctx, 'analyst');
	const cluster = await clusterOrThrow(ctx, slug);
	await ctx.db.transaction(async (tx) => {
		const office = Number.isInteger(officeId)
			? await deleteOffice(tx, cluster.id, officeId)
			: undefined;
		if (!office) throw new NotFoundError(m.landscape_office_not_found({}, { locale: ctx.locale }));
		await markOfficesEdited(tx, cluster.id);
		await recordAudit(tx, ctx, {
			entity: 'cluster',
			entityId: slug,
			action: 'delete',
			before: { office },
			after: null
		});
	});
}

export const ActivitiesSchema = z.object({ codes: z.array(z.string().max(100)).max(50) });

export async function setActivities(ctx: Ctx, slug: string, input: unknown): Promise<string[]> {
	requireRole(ctx, 'analyst');
	const { codes } = parseInput(ActivitiesSchema, input, ctx.locale);
	const taxonomy = await getTaxonomy(ctx.db);
	const known = new Set(taxonomy.activityCategories.map((c) => c.code));
	const unknown = codes.filter((code) => !known.has(code));
	if (unknown.length > 0) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{
				path: ['codes'],
				message: m.landscape_unknown_activity({ codes: unknown.join(', ') }, { locale: ctx.locale })
			}
		]);
	}
	const cluster = await clusterOrThrow(ctx, slug);
	const unique = [...new Set(codes)].sort();
	await ctx.db.transaction(async (tx) => {
		const before = (await listActivities(tx))
			.filter((a) => a.clusterId === cluster.id)
			.map((a) => a.categoryCode)
			.sort();
		await replaceActivities(tx, cluster.id, unique);
		await recordAudit(tx, ctx, {
			entity: 'cluster',
			entityId: slug,
			action: 'update',
			before: { activities: before },
			after: { activities: unique }
		});
	});
	return unique;
}

export const StageOverrideSchema = z.object({
	stage: z.enum(maturityStages),
	reason: z.string().trim().min(10).max(1000)
});

export async function setStageOverride(ctx: Ctx, slug: string, input: unknown): Promise<void> {
	requireRole(ctx, 'analyst');
	const data = parseInput(StageOverrideSchema, input, ctx.locale);
	const cluster = await clusterOrThrow(ctx, slug);
	await ctx.db.transaction(async (tx) => {
		const before = await deleteStageOverride(tx, cluster.id);
		await upsertStageOverride(tx, {
			clusterId: cluster.id,
			stage: data.stage,
			reason: data.reason,
			decidedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
			decidedByLabel: ctx.actor.kind === 'user' ? ctx.actor.email : ctx.actor.kind
		});
		await recordAudit(tx, ctx, {
			entity: 'cluster',
			entityId: slug,
			action: before ? 'update' : 'create',
			before: before ? { stageOverride: before } : null,
			after: { stageOverride: data }
		});
	});
}

export async function clearStageOverride(ctx: Ctx, slug: string): Promise<void> {
	requireRole(ctx, 'analyst');
	const cluster = await clusterOrThrow(ctx, slug);
	await ctx.db.transaction(async (tx) => {
		const before = await deleteStageOverride(tx, cluster.id);
		if (before)
			await recordAudit(tx, ctx, {
				entity: 'cluster',
				entityId: slug,
				action: 'delete',
				before: { stageOverride: before },
				after: null
			});
	});
}
