/**
 * Collaboration agreements: the choices a region offers, creating and editing agreements (with an
 * optimistic version check and the budget in the same transaction), reading one with its goals,
 * KPIs, documents and reviews, and listing them with their worst KPI status.
 */
import { z } from 'zod';
import { RegionCodeSchema } from '$lib/domain/regions';
import { actorLabel } from '$lib/domain/access';
import {
	AgreementInputSchema,
	checkAgreement,
	statuses,
	type AgreementContext,
	type AgreementInput
} from '$lib/domain/agreements/agreement';
import { worstStatus, type KpiStatus } from '$lib/domain/agreements/kpi';
import { ConflictError, NotFoundError, ValidationError } from '$lib/domain/errors';
import type { Locale } from '$lib/format';
import {
	deleteAgreement,
	findAgreement,
	insertAgreement,
	listAgreements,
	listBudgetLines,
	replaceBudgetLines,
	updateAgreementVersioned,
	type AgreementListRow,
	type BudgetLineRow
} from '../../db/queries/agreements/agreements';
import { listDocuments, type DocumentListRow } from '../../db/queries/agreements/documents';
import { listReviews, type ReviewRow } from '../../db/queries/agreements/reviews';
import { findClusterBySlug } from '../../db/queries/landscape/clusters';
import { m, messageByKey } from '../../i18n';
import { parseInput } from '../../validation';
import { hasRole, requireRole } from '../access';
import { loadKpiBoard, type GoalView } from './kpis';
import { agreementOptions } from './options';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import type { AgreementOptions } from '$lib/domain/agreements/view';
export type { AgreementOptions };

/** Validates an agreement: shape first, then the region's rules; every issue names its field. */
export function parseAgreement(
	ctx: Ctx,
	input: unknown,
	context: AgreementContext
): AgreementInput {
	const data = parseInput(AgreementInputSchema, input, ctx.locale);
	const issues = checkAgreement(data, context);
	if (issues.length > 0) {
		throw new ValidationError(
			m.validation_failed({}, { locale: ctx.locale }),
			issues.map((issue) => ({
				path: issue.path,
				message: messageByKey(issue.key, issue.params, ctx.locale) ?? issue.key
			}))
		);
	}
	return data;
}

function columnsOf(data: AgreementInput, clusterId: number) {
	return {
		title: data.title,
		clusterId,
		modelCode: data.modelCode,
		parties: data.parties,
		efforts: data.efforts,
		municipalities: data.municipalities,
		startsOn: data.startsOn,
		endsOn: data.endsOn,
		status: data.status,
		contacts: data.contacts,
		checklist: data.checklist,
		notes: data.notes,
		responsibleUserId: data.responsibleUserId
	};
}

const budgetColumns = (data: AgreementInput) =>
	data.budget.map((line) => ({
		party: line.party,
		year: line.year,
		amountDkk: line.amountDkk,
		note: line.note
	}));

export async function createAgreement(
	ctx: Ctx,
	regionCode: string,
	input: unknown,
	extra: { decisionId?: number | null; isDemo?: boolean } = {}
): Promise<{ id: number }> {
	requireRole(ctx, 'analyst');
	const { context } = await agreementOptions(ctx, regionCode);
	const data = parseAgreement(ctx, input, context);
	const cluster = await findClusterBySlug(ctx.db, data.cluster);
	if (!cluster)
		throw new NotFoundError(
			m.landscape_cluster_not_found({ slug: data.cluster }, { locale: ctx.locale })
		);
	return ctx.db.transaction(async (tx) => {
		const row = await insertAgreement(tx, {
			regionCode: context.regionCode,
			...columnsOf(data, cluster.id),
			decisionId: extra.decisionId ?? null,
			isDemo: extra.isDemo ?? false,
			createdByLabel: actorLabel(ctx.actor)
		});
		await replaceBudgetLines(tx, row.id, budgetColumns(data));
		await recordAudit(tx, ctx, {
			entity: 'agreement',
			entityId: row.id,
			action: 'create',
			after: { ...row, budget: data.budget }
		});
		return { id: row.id };
	});
}

const VersionSchema = z.object({ version: z.coerce.number().int().min(1) });

/**
 * Saves an edit made on `version`. When someone else saved in between, the edit is refused with
 * a clear message instead of overwriting theirs.
 */
export async function updateAgreement(
	ctx: Ctx,
	id: number,
	input: unknown
): Promise<{ id: number; version: number }> {
	requireRole(ctx, 'analyst');
	const current = await agreementOrThrow(ctx, id);
	const { version } = parseInput(VersionSchema, input, ctx.locale);
	const { context } = await agreementOptions(ctx, current.regionCode);
	const data = parseAgreement(ctx, input, context);
	const cluster = await findClusterBySlug(ctx.db, data.cluster);
	if (!cluster)
		throw new NotFoundError(
			m.landscape_cluster_not_found({ slug: data.cluster }, { locale: ctx.locale })
		);
	const before = { ...current, budget: await listBudgetLines(ctx.db, [id]) };
	return ctx.db.transaction(async (tx) => {
		const updated = await updateAgreementVersioned(tx, id, version, columnsOf(data, cluster.id));
		if (!updated) throw new ConflictError(m.agreement_version_conflict({}, { locale: ctx.locale }));
		await replaceBudgetLines(tx, id, budgetColumns(data));
		await recordAudit(tx, ctx, {
			entity: 'agreement',
			entityId: id,
			action: 'update',
			before,
			after: { ...updated, budget: data.budget }
		});
		return { id, version: updated.version };
	});
}

export async function removeAgreement(ctx: Ctx, id: number): Promise<void> {
	requireRole(ctx, 'analyst');
	const current = await agreementOrThrow(ctx, id);
	await ctx.db.transaction(async (tx) => {
		await deleteAgreement(tx, id);
		await recordAudit(tx, ctx, {
			entity: 'agreement',
			entityId: id,
			action: 'delete',
			before: current
		});
	});
}

export async function agreementOrThrow(ctx: Ctx, id: number): Promise<AgreementListRow> {
	const row = Number.isInteger(id) ? await findAgreement(ctx.db, id) : undefined;
	if (!row)
		throw new NotFoundError(m.agreement_not_found({ id: String(id) }, { locale: ctx.locale }));
	return row;
}

export function modelName(texts: AgreementListRow['modelTexts'], locale: Locale): string | null {
	return texts?.[locale].name ?? null;
}

/** A party key as people read it: the actor's name, or the municipality's. */
export interface AgreementDetail {
	agreement: AgreementListRow & { modelName: string | null };
	budget: BudgetLineRow[];
	goals: GoalView[];
	documents: DocumentListRow[];
	reviews: ReviewRow[];
	status: KpiStatus;
	options: AgreementOptions;
	canEdit: boolean;
}

export async function getAgreement(ctx: Ctx, id: number): Promise<AgreementDetail> {
	requireRole(ctx, 'viewer');
	const agreement = await agreementOrThrow(ctx, id);
	const [budget, board, documents, reviews, { options }] = await Promise.all([
		listBudgetLines(ctx.db, [id]),
		loadKpiBoard(ctx, [agreement]),
		listDocuments(ctx.db, id),
		listReviews(ctx.db, [id]),
		agreementOptions(ctx, agreement.regionCode)
	]);
	const goals = board.get(id) ?? [];
	return {
		agreement: { ...agreement, modelName: modelName(agreement.modelTexts, ctx.locale) },
		budget,
		goals,
		documents,
		reviews,
		status: worstStatus(goals.flatMap((g) => g.kpis.map((k) => k.assessment.status))),
		options,
		canEdit: hasRole(ctx, 'analyst')
	};
}

export const AgreementListQuerySchema = z.object({
	region: RegionCodeSchema.optional(),
	status: z.enum(statuses).optional(),
	cluster: z.string().max(100).optional()
});

export interface AgreementListItem {
	id: number;
	title: string;
	regionCode: string;
	cluster: { slug: string; name: string };
	modelName: string | null;
	status: AgreementListRow['status'];
	startsOn: string;
	endsOn: string;
	municipalities: string[];
	efforts: string[];
	kpiStatus: KpiStatus;
	kpis: number;
	isDemo: boolean;
	version: number;
}

export async function listAgreementItems(
	ctx: Ctx,
	query: z.input<typeof AgreementListQuerySchema>
): Promise<AgreementListItem[]> {
	requireRole(ctx, 'viewer');
	const q = parseInput(AgreementListQuerySchema, query, ctx.locale);
	const cluster = q.cluster ? await findClusterBySlug(ctx.db, q.cluster) : undefined;
	if (q.cluster && !cluster) return [];
	const rows = await listAgreements(ctx.db, {
		regionCode: q.region,
		status: q.status,
		clusterId: cluster?.id
	});
	const board = await loadKpiBoard(ctx, rows);
	return rows.map((row) => {
		const kpis = (board.get(row.id) ?? []).flatMap((g) => g.kpis);
		return {
			id: row.id,
			title: row.title,
			regionCode: row.regionCode,
			cluster: { slug: row.clusterSlug, name: row.clusterName },
			modelName: modelName(row.modelTexts, ctx.locale),
			status: row.status,
			startsOn: row.startsOn,
			endsOn: row.endsOn,
			municipalities: row.municipalities,
			efforts: row.efforts,
			kpiStatus: worstStatus(kpis.map((k) => k.assessment.status)),
			kpis: kpis.length,
			isDemo: row.isDemo,
			version: row.version
		};
	});
}

/** One agreement for the API: facts, budget, goals with KPIs, measurements and status, reviews. */
export async function getAgreementJson(ctx: Ctx, id: number) {
	const d = await getAgreement(ctx, id);
	const a = d.agreement;
	return {
		format: 'klyngeradar/agreement@1' as const,
		id: a.id,
		regionCode: a.regionCode,
		title: a.title,
		cluster: a.clusterSlug,
		modelCode: a.modelCode,
		parties: a.parties,
		efforts: a.efforts,
		municipalities: a.municipalities,
		startsOn: a.startsOn,
		endsOn: a.endsOn,
		status: a.status,
		contacts: a.contacts,
		checklist: a.checklist,
		notes: a.notes,
		responsible: a.responsibleEmail,
		decisionId: a.decisionId,
		isDemo: a.isDemo,
		version: a.version,
		kpiStatus: d.status,
		budget: d.budget.map((b) => ({
			party: b.party,
			year: b.year,
			amountDkk: b.amountDkk,
			note: b.note
		})),
		goals: d.goals.map((g) => ({
			id: g.id,
			title: g.title,
			description: g.description,
			kpis: g.kpis.map((k) => ({
				id: k.id,
				name: k.name,
				unit: k.unit,
				baseline: k.baseline,
				target: k.target,
				dueOn: k.dueOn,
				frequency: k.frequency,
				source: k.source,
				status: k.assessment.status,
				reason: k.reason,
				nextDue: k.nextDue,
				measurements: k.measurements
			}))
		})),
		documents: d.documents.map((doc) => ({
			id: doc.id,
			filename: doc.filename,
			mediaType: doc.mediaType,
			size: doc.size,
			uploadedAt: doc.uploadedAt.toISOString()
		})),
		reviews: d.reviews.map((r) => ({
			year: r.year,
			achieved: r.achieved,
			decision: r.decision,
			note: r.note,
			by: r.decidedByLabel
		}))
	};
}
