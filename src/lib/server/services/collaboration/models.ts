/**
 * The catalogue of collaboration models: read by the recommender, shown and edited on the
 * catalogue pages. Seeded models a user edits keep the user's text from then on; new models can
 * be added and chosen by hand (the recommender only proposes models it has rules for).
 */
import { z } from 'zod';
import { codeFromTitle } from '$lib/domain/codes';
import { ConflictError, NotFoundError, ValidationError } from '$lib/domain/errors';
import {
	ModelSchema,
	checklistCodes,
	contributionKinds,
	stages,
	type CollaborationModel
} from '$lib/domain/collaboration/catalogue';
import type { Db } from '../../db/client';
import {
	findModel,
	insertModel,
	listModels,
	modelColumns,
	updateModel,
	type ModelRow
} from '../../db/queries/strategy/models';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import { hasRole, requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import type { ModelView } from '$lib/domain/collaboration/view';
export type { ModelView };

function modelView(row: ModelRow): ModelView {
	const model = ModelSchema.parse({
		code: row.code,
		texts: row.texts,
		contributions: row.contributions,
		typicalMonths: row.typicalMonths,
		suitsStages: row.suitsStages,
		suitsPresence: row.suitsPresence,
		checklist: row.checklist
	});
	return {
		...model,
		origin: row.origin,
		edited: row.edited,
		version: row.version,
		updatedAt: row.updatedAt.toISOString()
	};
}

export async function loadCatalogue(db: Db): Promise<ModelView[]> {
	return (await listModels(db)).map(modelView);
}

export async function getCatalogue(ctx: Ctx): Promise<{ models: ModelView[]; canEdit: boolean }> {
	requireRole(ctx, 'viewer');
	return { models: await loadCatalogue(ctx.db), canEdit: hasRole(ctx, 'analyst') };
}

export async function getModel(
	ctx: Ctx,
	code: string
): Promise<{ model: ModelView; canEdit: boolean }> {
	requireRole(ctx, 'viewer');
	const row = await findModel(ctx.db, code);
	if (!row) throw new NotFoundError(m.model_not_found({ code }, { locale: ctx.locale }));
	return { model: modelView(row), canEdit: hasRole(ctx, 'analyst') };
}

const lines = z.preprocess(
	(value) =>
		typeof value === 'string'
			? value
					.split('\n')
					.map((l) => l.trim())
					.filter(Boolean)
			: value,
	z.array(z.string()).default([])
);
const many = z.preprocess(
	(value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
	z.array(z.string())
);
const languageFields = (lang: 'da' | 'en') => ({
	[`${lang}.name`]: z.string().default(''),
	[`${lang}.purpose`]: z.string().default(''),
	[`${lang}.regionContributes`]: z.string().default(''),
	[`${lang}.clusterCommits`]: z.string().default(''),
	[`${lang}.kpis`]: lines,
	[`${lang}.risks`]: z.string().default('')
});

/** The flat fields of the model form; issues are reported on the same names. */
export const ModelFormSchema = z.object({
	version: z.coerce.number().int().min(0).default(0),
	...languageFields('da'),
	...languageFields('en'),
	contributions: many,
	typicalMonths: z.preprocess(
		(v) => (v === '' || v === undefined ? null : v),
		z.coerce.number().int().nullable()
	),
	suitsStages: many,
	suitsPresence: z.string().default('any'),
	checklist: many
});

const textsOf = (form: Record<string, unknown>, lang: 'da' | 'en') => ({
	name: form[`${lang}.name`],
	purpose: form[`${lang}.purpose`],
	regionContributes: form[`${lang}.regionContributes`],
	clusterCommits: form[`${lang}.clusterCommits`],
	kpis: form[`${lang}.kpis`],
	risks: form[`${lang}.risks`]
});

/** Validates the form as a model; `texts.da.name` issues come back as `da.name`. */
function modelFromForm(
	ctx: Ctx,
	code: string,
	input: Record<string, unknown>
): { model: CollaborationModel; version: number } {
	const form = parseInput(ModelFormSchema, input, ctx.locale) as Record<string, unknown> & {
		version: number;
	};
	const candidate = {
		code,
		texts: { da: textsOf(form, 'da'), en: textsOf(form, 'en') },
		contributions: form.contributions,
		typicalMonths: form.typicalMonths,
		suitsStages: form.suitsStages,
		suitsPresence: form.suitsPresence,
		checklist: form.checklist
	};
	try {
		return { model: parseInput(ModelSchema, candidate, ctx.locale), version: form.version };
	} catch (err) {
		if (!(err instanceof ValidationError)) throw err;
		throw new ValidationError(
			err.message,
			err.issues.map((issue) =>
				issue.path[0] === 'texts'
					? { ...issue, path: [`${String(issue.path[1])}.${String(issue.path[2])}`] }
					: issue
			)
		);
	}
}

export async function saveModel(
	ctx: Ctx,
	code: string,
	input: Record<string, unknown>
): Promise<ModelView> {
	requireRole(ctx, 'analyst');
	const current = await findModel(ctx.db, code);
	if (!current) throw new NotFoundError(m.model_not_found({ code }, { locale: ctx.locale }));
	const { model, version } = modelFromForm(ctx, code, input);
	return ctx.db.transaction(async (tx) => {
		const updated = await updateModel(tx, code, modelColumns(model), version);
		if (!updated) {
			throw new ConflictError(m.landscape_version_conflict({}, { locale: ctx.locale }));
		}
		await recordAudit(tx, ctx, {
			entity: 'collaboration-model',
			entityId: code,
			action: 'update',
			before: current,
			after: updated
		});
		return modelView(updated);
	});
}

export async function createModel(ctx: Ctx, input: Record<string, unknown>): Promise<ModelView> {
	requireRole(ctx, 'analyst');
	const existing = (await listModels(ctx.db)).map((row) => row.code);
	const name = typeof input['da.name'] === 'string' ? input['da.name'] : '';
	const { model } = modelFromForm(ctx, codeFromTitle(name, existing), input);
	return ctx.db.transaction(async (tx) => {
		const row = await insertModel(tx, {
			...modelColumns(model),
			sortOrder: existing.length,
			edited: true
		});
		await recordAudit(tx, ctx, {
			entity: 'collaboration-model',
			entityId: row.code,
			action: 'create',
			after: row
		});
		return modelView(row);
	});
}

export const modelOptions = { checklistCodes, contributionKinds, stages };

/** The model form's fields: checkbox groups as lists, everything else as its one value. */
export function modelFieldsFromForm(form: FormData): Record<string, unknown> {
	const multi = ['contributions', 'suitsStages', 'checklist'];
	const fields: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const values = form.getAll(key).map(String);
		fields[key] = multi.includes(key) ? values : values[0];
	}
	return fields;
}
