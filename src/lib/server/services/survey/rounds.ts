/**
 * Survey rounds: an analyst creates a round for a region and year, invites clusters (each gets
 * secret links), edits the questionnaire's wording (versioned), follows the status, sends
 * reminders, and closes or reopens the round.
 */
import { z } from 'zod';
import { RegionCodeSchema } from '$lib/domain/regions';
import { actorLabel } from '$lib/domain/access';
import { ConflictError, NotFoundError, ValidationError } from '$lib/domain/errors';
import {
	defaultTexts,
	QuestionnaireTextsSchema,
	type QuestionnaireTexts
} from '$lib/domain/survey/questionnaire';
import { formatDate } from '$lib/format';
import { generateToken, hashToken } from '../../auth/secrets';
import type { Tx } from '../../db/client';
import { listClusterRows } from '../../db/queries/landscape/clusters';
import { listRegions } from '../../db/queries/reference/geography';
import {
	findInvitation,
	insertInvitations,
	insertToken,
	listInvitationStatus,
	markSent,
	revokeInvitation,
	setRecipient,
	type InvitationStatusRow
} from '../../db/queries/survey/invitations';
import { findResponse, setResponseStatus } from '../../db/queries/survey/responses';
import {
	findRound,
	insertRound,
	insertVersion,
	latestVersion,
	listRoundsWithCounts,
	setRoundStatus,
	type RoundListRow,
	type RoundRow,
	type VersionRow
} from '../../db/queries/survey/rounds';
import { m } from '../../i18n';
import { parseInput, yearSchema } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { deliver } from '../mail';

const LINK_DAYS = 120;

const optionalEmail = z.preprocess(
	(value) => (value === '' ? null : value),
	z.email().max(254).nullable().optional()
);

export const CreateRoundSchema = z
	.object({
		regionCode: RegionCodeSchema,
		year: z.coerce.number().pipe(yearSchema),
		title: z.string().trim().min(1).max(200),
		sinceYear: z.coerce.number().pipe(yearSchema),
		closesOn: z.preprocess(
			(value) => (value === '' ? null : value),
			z.iso.date().nullable().optional()
		),
		/** Cluster ids to invite; by default every active cluster. */
		clusters: z
			.array(z.string().regex(/^[a-z0-9-]+$/))
			.max(200)
			.optional(),
		isDemo: z.boolean().optional()
	})
	.refine((value) => value.sinceYear <= value.year, {
		path: ['sinceYear'],
		params: { i18n: 'survey_since_after_year' }
	});
export type CreateRoundInput = z.input<typeof CreateRoundSchema>;

async function roundOrThrow(
	ctx: Ctx,
	id: number,
	db: Ctx['db'] | Tx = ctx.db
): Promise<RoundRow & { regionName: string }> {
	const round = Number.isInteger(id) ? await findRound(db, id) : undefined;
	if (!round)
		throw new NotFoundError(m.survey_round_not_found({ id: String(id) }, { locale: ctx.locale }));
	return round;
}

/** Creates a round with the default questionnaire (version 1) and invites the clusters. */
export async function createRound(ctx: Ctx, input: CreateRoundInput): Promise<RoundRow> {
	requireRole(ctx, 'analyst');
	const data = parseInput(CreateRoundSchema, input, ctx.locale);
	const [regions, clusters] = await Promise.all([listRegions(ctx.db), listClusterRows(ctx.db)]);
	if (!regions.some((r) => r.code === data.regionCode)) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{
				path: ['regionCode'],
				message: m.survey_unknown_region({ code: data.regionCode }, { locale: ctx.locale })
			}
		]);
	}
	const slugs = data.clusters ?? clusters.filter((c) => c.status === 'active').map((c) => c.slug);
	const unknown = slugs.filter((slug) => !clusters.some((c) => c.slug === slug));
	if (unknown.length > 0 || slugs.length === 0) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{
				path: ['clusters'],
				message:
					unknown.length > 0
						? m.survey_unknown_clusters({ slugs: unknown.join(', ') }, { locale: ctx.locale })
						: m.survey_no_clusters({}, { locale: ctx.locale })
			}
		]);
	}
	return ctx.db.transaction(async (tx) => {
		const round = await insertRound(tx, {
			regionCode: data.regionCode,
			year: data.year,
			title: data.title,
			sinceYear: data.sinceYear,
			closesOn: data.closesOn ?? null,
			isDemo: data.isDemo ?? false,
			createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null
		});
		await insertVersion(tx, {
			roundId: round.id,
			version: 1,
			texts: defaultTexts,
			createdByLabel: actorLabel(ctx.actor)
		});
		const ids = new Map(clusters.map((c) => [c.slug, c.id]));
		await insertInvitations(
			tx,
			[...new Set(slugs)].map((slug) => ({
				roundId: round.id,
				clusterId: ids.get(slug) ?? 0,
				recipientEmail: null
			}))
		);
		await recordAudit(tx, ctx, {
			entity: 'survey-round',
			entityId: round.id,
			action: 'create',
			after: { ...round, invited: slugs }
		});
		return round;
	});
}

export async function listRounds(ctx: Ctx): Promise<RoundListRow[]> {
	requireRole(ctx, 'viewer');
	return listRoundsWithCounts(ctx.db);
}

export interface RoundStatusView {
	round: RoundRow & { regionName: string };
	version: {
		id: number;
		version: number;
		texts: QuestionnaireTexts;
		createdAt: Date;
		createdByLabel: string;
	};
	invitations: InvitationStatusRow[];
	counts: { invited: number; notStarted: number; partial: number; completed: number };
}

export async function getRoundStatus(ctx: Ctx, id: number): Promise<RoundStatusView> {
	requireRole(ctx, 'viewer');
	const round = await roundOrThrow(ctx, id);
	const [version, invitations] = await Promise.all([
		latestVersion(ctx.db, id),
		listInvitationStatus(ctx.db, id)
	]);
	if (!version) throw new Error(`round ${id} has no questionnaire version`);
	return {
		round,
		version: { ...version, texts: QuestionnaireTextsSchema.parse(version.texts) },
		invitations,
		counts: {
			invited: invitations.length,
			notStarted: invitations.filter((i) => i.status === 'not_started').length,
			partial: invitations.filter((i) => i.status === 'partial').length,
			completed: invitations.filter((i) => i.status === 'completed').length
		}
	};
}

export async function setRoundOpen(ctx: Ctx, id: number, open: boolean): Promise<void> {
	requireRole(ctx, 'analyst');
	await ctx.db.transaction(async (tx) => {
		const before = await roundOrThrow(ctx, id, tx);
		const after = await setRoundStatus(tx, id, open ? 'open' : 'closed');
		await recordAudit(tx, ctx, {
			entity: 'survey-round',
			entityId: id,
			action: 'update',
			before: { status: before.status },
			after: { status: after?.status }
		});
	});
}

/** Saves new wording as the next version; answers given so far keep theirs. */
export async function updateQuestionnaire(
	ctx: Ctx,
	id: number,
	texts: unknown
): Promise<VersionRow> {
	requireRole(ctx, 'analyst');
	const parsed = parseInput(QuestionnaireTextsSchema, texts, ctx.locale);
	return ctx.db.transaction(async (tx) => {
		await roundOrThrow(ctx, id, tx);
		const current = await latestVersion(tx, id);
		const version = await insertVersion(tx, {
			roundId: id,
			version: (current?.version ?? 0) + 1,
			texts: parsed,
			createdByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'survey-round',
			entityId: id,
			action: 'update',
			before: { version: current?.version, texts: current?.texts },
			after: { version: version.version, texts: parsed }
		});
		return version;
	});
}

/** Reads the questionnaire form: `da.<key>` and `en.<key>` fields. */
export function textsFromForm(form: FormData): Record<string, { da: string; en: string }> {
	const out: Record<string, { da: string; en: string }> = {};
	for (const key of Object.keys(defaultTexts)) {
		out[key] = { da: String(form.get(`da.${key}`) ?? ''), en: String(form.get(`en.${key}`) ?? '') };
	}
	return out;
}

export interface SentInvitation {
	link: string;
	to: string | null;
	delivered: 'sent' | 'outbox' | 'failed';
}

/**
 * Mints a new secret link for the invited cluster and sends it (or puts it in the outbox). Older
 * links keep working; the new one is returned once so the analyst can copy it.
 */
export async function sendInvitation(
	ctx: Ctx,
	invitationId: string,
	origin: string
): Promise<SentInvitation> {
	requireRole(ctx, 'analyst');
	const invitation = z.uuid().safeParse(invitationId).success
		? await findInvitation(ctx.db, invitationId)
		: undefined;
	if (!invitation)
		throw new NotFoundError(m.survey_invitation_not_found({}, { locale: ctx.locale }));
	const round = await roundOrThrow(ctx, invitation.roundId);
	if (round.status === 'closed')
		throw new ConflictError(m.survey_round_closed_analyst({}, { locale: ctx.locale }));
	const statuses = await listInvitationStatus(ctx.db, round.id);
	const cluster = statuses.find((s) => s.invitationId === invitation.id);
	const token = generateToken();
	const closes = round.closesOn ? new Date(`${round.closesOn}T23:59:59+01:00`) : null;
	const expiresAt =
		closes && closes.getTime() > Date.now()
			? closes
			: new Date(Date.now() + LINK_DAYS * 24 * 3600 * 1000);
	const link = `${origin}/svar/${token}`;
	const reminder = invitation.lastSentAt !== null;
	const texts = {
		region: round.regionName,
		cluster: cluster?.clusterName ?? '',
		link,
		expires: formatDate(expiresAt, 'da'),
		title: round.title
	};
	return ctx.db.transaction(async (tx) => {
		await insertToken(tx, { tokenHash: hashToken(token), invitationId: invitation.id, expiresAt });
		await markSent(tx, invitation.id, reminder);
		const message = await deliver(tx, ctx, {
			to: invitation.recipientEmail,
			// Invitations go to Danish cluster organisations, so they are written in Danish.
			subject: reminder
				? m.survey_mail_reminder_subject(texts, { locale: 'da' })
				: m.survey_mail_subject(texts, { locale: 'da' }),
			body: m.survey_mail_body(texts, { locale: 'da' }),
			keptBody: m.survey_mail_body(
				{ ...texts, link: m.outbox_link_withheld({}, { locale: 'da' }) },
				{ locale: 'da' }
			),
			kind: reminder ? 'survey-reminder' : 'survey-invitation',
			roundId: round.id
		});
		await recordAudit(tx, ctx, {
			entity: 'survey-invitation',
			entityId: invitation.id,
			action: 'update',
			after: { sent: message.status, to: invitation.recipientEmail, reminder }
		});
		return { link, to: invitation.recipientEmail, delivered: message.status };
	});
}

export async function revokeInvitationLinks(ctx: Ctx, invitationId: string): Promise<void> {
	requireRole(ctx, 'analyst');
	await ctx.db.transaction(async (tx) => {
		const invitation = z.uuid().safeParse(invitationId).success
			? await findInvitation(tx, invitationId)
			: undefined;
		if (!invitation)
			throw new NotFoundError(m.survey_invitation_not_found({}, { locale: ctx.locale }));
		await revokeInvitation(tx, invitationId);
		await recordAudit(tx, ctx, {
			entity: 'survey-invitation',
			entityId: invitationId,
			action: 'update',
			after: { revoked: true }
		});
	});
}

export async function setInvitationRecipient(
	ctx: Ctx,
	invitationId: string,
	email: unknown
): Promise<void> {
	requireRole(ctx, 'analyst');
	const { email: parsed } = parseInput(z.object({ email: optionalEmail }), { email }, ctx.locale);
	const invitation = z.uuid().safeParse(invitationId).success
		? await findInvitation(ctx.db, invitationId)
		: undefined;
	if (!invitation)
		throw new NotFoundError(m.survey_invitation_not_found({}, { locale: ctx.locale }));
	await ctx.db.transaction(async (tx) => {
		await setRecipient(tx, invitationId, parsed ?? null);
		await recordAudit(tx, ctx, {
			entity: 'survey-invitation',
			entityId: invitationId,
			action: 'update',
			before: { recipientEmail: invitation.recipientEmail },
			after: { recipientEmail: parsed ?? null }
		});
	});
}

export async function addInvitations(ctx: Ctx, roundId: number, slugs: string[]): Promise<number> {
	requireRole(ctx, 'analyst');
	const round = await roundOrThrow(ctx, roundId);
	const clusters = await listClusterRows(ctx.db);
	const ids = slugs.map((slug) => clusters.find((c) => c.slug === slug)?.id);
	if (ids.some((id) => id === undefined)) {
		throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
			{
				path: ['clusters'],
				message: m.survey_unknown_clusters(
					{ slugs: slugs.filter((_, i) => ids[i] === undefined).join(', ') },
					{ locale: ctx.locale }
				)
			}
		]);
	}
	return ctx.db.transaction(async (tx) => {
		const added = await insertInvitations(
			tx,
			ids.map((clusterId) => ({
				roundId: round.id,
				clusterId: clusterId ?? 0,
				recipientEmail: null
			}))
		);
		await recordAudit(tx, ctx, {
			entity: 'survey-round',
			entityId: roundId,
			action: 'update',
			after: { invited: slugs }
		});
		return added.length;
	});
}

/** Puts a completed response back to partial so the cluster can change it again. */
export async function reopenResponseByAnalyst(
	ctx: Ctx,
	roundId: number,
	clusterId: number
): Promise<void> {
	requireRole(ctx, 'analyst');
	await ctx.db.transaction(async (tx) => {
		const response = await findResponse(tx, roundId, clusterId);
		if (!response) throw new NotFoundError(m.survey_response_not_found({}, { locale: ctx.locale }));
		await setResponseStatus(tx, response.id, 'partial');
		await recordAudit(tx, ctx, {
			entity: 'survey-response',
			entityId: response.id,
			action: 'update',
			before: { status: response.status },
			after: { status: 'partial' }
		});
	});
}

export interface SurveyOverview {
	rounds: RoundListRow[];
	regions: { code: string; name: string }[];
	clusters: { slug: string; name: string; active: boolean }[];
	defaults: { year: number; sinceYear: number; regionCode: string };
}

/** The survey page: rounds, and what the "new round" form offers. */
export async function getSurveyOverview(ctx: Ctx, now = new Date()): Promise<SurveyOverview> {
	requireRole(ctx, 'viewer');
	const [rounds, regions, clusters] = await Promise.all([
		listRoundsWithCounts(ctx.db),
		listRegions(ctx.db),
		listClusterRows(ctx.db)
	]);
	const year = now.getFullYear();
	return {
		rounds,
		regions: regions.map((r) => ({ code: r.code, name: r.name })),
		clusters: clusters.map((c) => ({ slug: c.slug, name: c.name, active: c.status === 'active' })),
		// A regional body's rounds are for its region.
		defaults: { year, sinceYear: year - 2, regionCode: ctx.organisation?.regionCode ?? '1081' }
	};
}
