/**
 * Interview notes per round, with a cluster or a regional actor: date, participants' roles (no
 * names needed), free text, tags from the round's tag list, and quotes that can be pinned to a
 * cluster and to a question, so they appear beside that question's chart and on the profile.
 */
import { z } from 'zod';
import { NotFoundError, ValidationError } from '$lib/domain/errors';
import { actorLabel } from '$lib/domain/access';
import { questionKeys } from '$lib/domain/survey/answers';
import { findClusterBySlug } from '../../db/queries/landscape/clusters';
import { listActorsOfRegion } from '../../db/queries/reference/geography';
import {
	deleteInterview,
	deleteQuote,
	insertInterview,
	insertQuote,
	listInterviews,
	listQuotesOfCluster,
	listQuotesOfRound,
	type InterviewListRow,
	type QuoteListRow
} from '../../db/queries/survey/interviews';
import { findRound, setInterviewTags } from '../../db/queries/survey/rounds';
import { listInvitationStatus } from '../../db/queries/survey/invitations';
import { m } from '../../i18n';
import { parseInput } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';

const list = z.preprocess(
	(value) =>
		typeof value === 'string'
			? value
					.split(',')
					.map((part) => part.trim())
					.filter(Boolean)
			: value,
	z.array(z.string().trim().min(1).max(100)).max(30)
);

export const InterviewInputSchema = z.object({
	/** `cluster:<id>` or `actor:<slug>` */
	subject: z.string().regex(/^(cluster|actor):[a-z0-9-]+$/),
	heldOn: z.iso.date(),
	participantRoles: list,
	notes: z.string().trim().min(1).max(20_000),
	tags: list.default([])
});

export const QuoteInputSchema = z.object({
	interviewId: z.coerce.number().int().min(1),
	text: z.string().trim().min(3).max(2000),
	cluster: z.preprocess(
		(value) => (value === '' ? undefined : value),
		z
			.string()
			.regex(/^[a-z0-9-]+$/)
			.optional()
	),
	questionKey: z.preprocess(
		(value) => (value === '' ? undefined : value),
		z.enum(questionKeys).optional()
	)
});

async function round(ctx: Ctx, roundId: number) {
	const found = Number.isInteger(roundId) ? await findRound(ctx.db, roundId) : undefined;
	if (!found)
		throw new NotFoundError(
			m.survey_round_not_found({ id: String(roundId) }, { locale: ctx.locale })
		);
	return found;
}

export interface InterviewsView {
	tags: string[];
	interviews: (InterviewListRow & { quotes: QuoteListRow[] })[];
}

export async function getInterviews(ctx: Ctx, roundId: number): Promise<InterviewsView> {
	requireRole(ctx, 'analyst');
	const r = await round(ctx, roundId);
	const [rows, quotes] = await Promise.all([
		listInterviews(ctx.db, roundId),
		listQuotesOfRound(ctx.db, roundId)
	]);
	return {
		tags: r.interviewTags,
		interviews: rows.map((row) => ({
			...row,
			quotes: quotes.filter((q) => q.interviewId === row.id)
		}))
	};
}

export async function createInterview(ctx: Ctx, roundId: number, input: unknown) {
	requireRole(ctx, 'analyst');
	const data = parseInput(InterviewInputSchema, input, ctx.locale);
	const r = await round(ctx, roundId);
	const [kind, slug] = data.subject.split(':') as ['cluster' | 'actor', string];
	const issues = [];
	let clusterId: number | null = null;
	if (kind === 'cluster') {
		clusterId = (await findClusterBySlug(ctx.db, slug))?.id ?? null;
		if (clusterId === null)
			issues.push({
				path: ['subject'],
				message: m.import_unknown_cluster({ cluster: slug }, { locale: ctx.locale })
			});
	} else if (!(await listActorsOfRegion(ctx.db, r.regionCode)).some((a) => a.slug === slug)) {
		issues.push({
			path: ['subject'],
			message: m.survey_unknown_actor({ values: slug }, { locale: ctx.locale })
		});
	}
	const unknownTags = data.tags.filter((tag) => !r.interviewTags.includes(tag));
	if (unknownTags.length > 0)
		issues.push({
			path: ['tags'],
			message: m.interview_unknown_tags({ tags: unknownTags.join(', ') }, { locale: ctx.locale })
		});
	if (issues.length > 0)
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), issues);
	return ctx.db.transaction(async (tx) => {
		const interview = await insertInterview(tx, {
			roundId,
			clusterId,
			actorSlug: kind === 'actor' ? slug : null,
			heldOn: data.heldOn,
			participantRoles: data.participantRoles,
			notes: data.notes,
			tags: data.tags,
			createdByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'interview',
			entityId: interview.id,
			action: 'create',
			after: interview
		});
		return interview;
	});
}

export async function removeInterview(ctx: Ctx, roundId: number, id: number): Promise<void> {
	requireRole(ctx, 'analyst');
	await ctx.db.transaction(async (tx) => {
		const removed = Number.isInteger(id) ? await deleteInterview(tx, roundId, id) : undefined;
		if (!removed) throw new NotFoundError(m.interview_not_found({}, { locale: ctx.locale }));
		await recordAudit(tx, ctx, {
			entity: 'interview',
			entityId: id,
			action: 'delete',
			before: removed
		});
	});
}

export async function addQuote(ctx: Ctx, roundId: number, input: unknown) {
	requireRole(ctx, 'analyst');
	const data = parseInput(QuoteInputSchema, input, ctx.locale);
	const view = await getInterviews(ctx, roundId);
	if (!view.interviews.some((i) => i.id === data.interviewId))
		throw new NotFoundError(m.interview_not_found({}, { locale: ctx.locale }));
	const clusterId = data.cluster
		? ((await findClusterBySlug(ctx.db, data.cluster))?.id ?? null)
		: null;
	if (data.cluster && clusterId === null) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{
				path: ['cluster'],
				message: m.import_unknown_cluster({ cluster: data.cluster }, { locale: ctx.locale })
			}
		]);
	}
	return ctx.db.transaction(async (tx) => {
		const quote = await insertQuote(tx, {
			interviewId: data.interviewId,
			text: data.text,
			clusterId,
			questionKey: data.questionKey ?? null
		});
		await recordAudit(tx, ctx, {
			entity: 'interview',
			entityId: data.interviewId,
			action: 'update',
			after: { quote }
		});
		return quote;
	});
}

export async function removeQuote(ctx: Ctx, roundId: number, id: number): Promise<void> {
	requireRole(ctx, 'analyst');
	const view = await getInterviews(ctx, roundId);
	const quote = view.interviews.flatMap((i) => i.quotes).find((q) => q.id === id);
	if (!quote) throw new NotFoundError(m.interview_not_found({}, { locale: ctx.locale }));
	await ctx.db.transaction(async (tx) => {
		await deleteQuote(tx, id);
		await recordAudit(tx, ctx, {
			entity: 'interview',
			entityId: quote.interviewId,
			action: 'update',
			before: { quote }
		});
	});
}

export async function setTags(ctx: Ctx, roundId: number, tags: unknown): Promise<string[]> {
	requireRole(ctx, 'analyst');
	const parsed = parseInput(z.object({ tags: list }), { tags }, ctx.locale).tags;
	const before = await round(ctx, roundId);
	const unique = [...new Set(parsed)];
	await ctx.db.transaction(async (tx) => {
		await setInterviewTags(tx, roundId, unique);
		await recordAudit(tx, ctx, {
			entity: 'survey-round',
			entityId: roundId,
			action: 'update',
			before: { interviewTags: before.interviewTags },
			after: { interviewTags: unique }
		});
	});
	return unique;
}

export async function quotesOfRound(ctx: Ctx, roundId: number): Promise<QuoteListRow[]> {
	return listQuotesOfRound(ctx.db, roundId);
}

export async function quotesOfCluster(ctx: Ctx, clusterId: number): Promise<QuoteListRow[]> {
	return listQuotesOfCluster(ctx.db, clusterId);
}

export interface InterviewPageView extends InterviewsView {
	round: { id: number; title: string; regionCode: string };
	clusters: { slug: string; name: string }[];
	actors: { slug: string; name: string }[];
}

/** The interview page: notes and quotes of a round, and the choices its forms offer. */
export async function getInterviewPage(ctx: Ctx, roundId: number): Promise<InterviewPageView> {
	const view = await getInterviews(ctx, roundId);
	const r = await round(ctx, roundId);
	const [invited, actors] = await Promise.all([
		listInvitationStatus(ctx.db, roundId),
		listActorsOfRegion(ctx.db, r.regionCode)
	]);
	return {
		...view,
		round: { id: r.id, title: r.title, regionCode: r.regionCode },
		clusters: invited.map((i) => ({ slug: i.clusterSlug, name: i.clusterName })),
		actors: actors.map((a) => ({ slug: a.slug, name: a.name }))
	};
}
