/**
 * The respondent's side: a secret link identifies one cluster's invitation in one round, and
 * everything here acts on that cluster only. The form autosaves drafts, can be resumed, submitted
 * and reopened until the round closes; a first visit is prefilled with last year's answers.
 */
import { ConflictError, ForbiddenError, ValidationError } from '$lib/domain/errors';
import { AnswersSchema, checkAnswers, type Answers } from '$lib/domain/survey/answers';
import { QuestionnaireTextsSchema } from '$lib/domain/survey/questionnaire';
import {
	buildSurveyDefinition,
	surveyCompletedText,
	fromSurveyData,
	toSurveyData,
	type SurveyData
} from '$lib/domain/survey/surveyjs';
import type { Actor } from '$lib/domain/access';
import { hashToken } from '../../auth/secrets';
import type { Db } from '../../db/client';
import { findInvitation, findToken } from '../../db/queries/survey/invitations';
import { findResponse, saveResponse, setResponseStatus } from '../../db/queries/survey/responses';
import {
	findPreviousRound,
	findRound,
	findVersion,
	latestVersion
} from '../../db/queries/survey/rounds';
import { m } from '../../i18n';
import { toFieldIssues } from '../../validation';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { answerValidationError, loadRegionSurvey, localiseAnswerIssues } from './context';

export type RespondentLookup =
	| { ok: true; organisationId: number; actor: Extract<Actor, { kind: 'respondent' }> }
	| { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

/** Who a secret link belongs to, or why it does not work. */
export async function resolveRespondent(db: Db, token: string): Promise<RespondentLookup> {
	if (!/^[a-z2-7]{20,80}$/.test(token)) return { ok: false, reason: 'unknown' };
	const found = await findToken(db, hashToken(token));
	if (!found) return { ok: false, reason: 'unknown' };
	if (found.revokedAt) return { ok: false, reason: 'revoked' };
	if (found.expiresAt.getTime() <= Date.now()) return { ok: false, reason: 'expired' };
	return {
		ok: true,
		organisationId: found.organisationId,
		actor: {
			kind: 'respondent',
			invitationId: found.invitation.id,
			roundId: found.round.id,
			clusterSlug: found.cluster.slug
		}
	};
}

function respondent(ctx: Ctx): Extract<Actor, { kind: 'respondent' }> {
	if (ctx.actor.kind !== 'respondent')
		throw new ForbiddenError(m.error_forbidden({}, { locale: ctx.locale }));
	return ctx.actor;
}

async function load(ctx: Ctx) {
	const actor = respondent(ctx);
	const invitation = await findInvitation(ctx.db, actor.invitationId);
	const round = await findRound(ctx.db, actor.roundId);
	if (!invitation || !round || invitation.roundId !== round.id)
		throw new ForbiddenError(m.error_forbidden({}, { locale: ctx.locale }));
	const response = await findResponse(ctx.db, round.id, invitation.clusterId);
	return { actor, invitation, round, response };
}

export interface RespondentFormView {
	round: {
		id: number;
		title: string;
		year: number;
		regionName: string;
		status: 'open' | 'closed';
		isDemo: boolean;
	};
	clusterSlug: string;
	definition: Record<string, unknown>;
	/** The thank-you text, drawn by the page as text (never as SurveyJS markup). */
	completedText: string;
	data: SurveyData;
	status: 'not_started' | 'partial' | 'completed';
	/** Title of the earlier round the answers were prefilled from, for the respondent to confirm. */
	prefilledFrom: string | null;
	lastSavedAt: string | null;
}

export async function getRespondentForm(ctx: Ctx): Promise<RespondentFormView> {
	const { actor, invitation, round, response } = await load(ctx);
	const version =
		(response?.versionId ? await findVersion(ctx.db, response.versionId) : undefined) ??
		(await latestVersion(ctx.db, round.id));
	if (!version) throw new Error(`round ${round.id} has no questionnaire`);
	const { labels } = await loadRegionSurvey(ctx.db, round.regionCode, round.year, ctx.locale);
	const texts = QuestionnaireTextsSchema.parse(version.texts);
	const formOptions = {
		locale: ctx.locale,
		regionName: round.regionName,
		sinceYear: round.sinceYear,
		roundYear: round.year,
		coLocationActors: labels.coLocationActors,
		partnerActors: labels.partnerActors,
		agreementParties: labels.agreementParties,
		municipalities: labels.municipalityList,
		activities: labels.activityList,
		labels: {
			yes: m.yes({}, { locale: ctx.locale }),
			noPresence: m.survey_no_presence({}, { locale: ctx.locale }),
			noPartners: m.survey_no_partners({}, { locale: ctx.locale })
		}
	};
	const definition = buildSurveyDefinition(texts, formOptions);
	let data = response ? toSurveyData(AnswersSchema.parse(response.answers)) : {};
	let prefilledFrom: string | null = null;
	if (!response || (response.status === 'not_started' && Object.keys(data).length === 0)) {
		const previous = await findPreviousRound(ctx.db, round.regionCode, round.year, round.isDemo);
		const earlier = previous
			? await findResponse(ctx.db, previous.id, invitation.clusterId)
			: undefined;
		if (previous && earlier?.status === 'completed') {
			data = toSurveyData(AnswersSchema.parse(earlier.answers));
			prefilledFrom = previous.title;
		}
	}
	return {
		round: {
			id: round.id,
			title: round.title,
			year: round.year,
			regionName: round.regionName,
			status: round.status,
			isDemo: round.isDemo
		},
		clusterSlug: actor.clusterSlug,
		definition,
		completedText: surveyCompletedText(texts, formOptions),
		data,
		status: response?.status ?? 'not_started',
		prefilledFrom,
		lastSavedAt: response?.lastActivityAt?.toISOString() ?? null
	};
}

/** Issues that may stand in a draft: arithmetic the respondent is still typing. */
const draftTolerated = new Set(['survey_members_sum', 'survey_members_part_too_big']);

async function validated(
	ctx: Ctx,
	data: unknown,
	regionCode: string,
	roundYear: number,
	complete: boolean
): Promise<Answers> {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new ValidationError(m.error_bad_json({}, { locale: ctx.locale }));
	}
	const parsed = AnswersSchema.safeParse(fromSurveyData(data as SurveyData));
	if (!parsed.success) throw answerValidationError(toFieldIssues(parsed.error), ctx.locale);
	const { context } = await loadRegionSurvey(ctx.db, regionCode, roundYear, ctx.locale);
	const issues = checkAnswers(parsed.data, context, { complete }).filter(
		(issue) => complete || !draftTolerated.has(issue.key)
	);
	if (issues.length > 0)
		throw answerValidationError(localiseAnswerIssues(issues, ctx.locale), ctx.locale);
	return parsed.data;
}

async function write(
	ctx: Ctx,
	data: unknown,
	complete: boolean
): Promise<{ status: 'partial' | 'completed'; savedAt: string }> {
	const { actor, invitation, round, response } = await load(ctx);
	if (round.status === 'closed')
		throw new ConflictError(m.survey_round_closed_respondent({}, { locale: ctx.locale }));
	if (response?.status === 'completed' && !complete)
		throw new ConflictError(m.survey_reopen_first({}, { locale: ctx.locale }));
	const answers = await validated(ctx, data, round.regionCode, round.year, complete);
	const version = response?.versionId ?? (await latestVersion(ctx.db, round.id))?.id ?? null;
	const status = complete ? 'completed' : 'partial';
	const saved = await ctx.db.transaction(async (tx) => {
		const row = await saveResponse(tx, {
			roundId: round.id,
			clusterId: invitation.clusterId,
			status,
			answers,
			versionId: version,
			source: 'link',
			updatedByLabel: `respondent:${actor.clusterSlug}`,
			submitted: complete
		});
		// Autosaves are frequent; the audit log keeps submissions and reopenings.
		if (complete) {
			await recordAudit(tx, ctx, {
				entity: 'survey-response',
				entityId: row.id,
				action: response ? 'update' : 'create',
				before: response ? { status: response.status, answers: response.answers } : null,
				after: { status, answers }
			});
		}
		return row;
	});
	return { status, savedAt: (saved.lastActivityAt ?? new Date()).toISOString() };
}

/** Autosave: keeps what the respondent has typed so far (the round must be open). */
export function saveDraft(ctx: Ctx, data: unknown) {
	return write(ctx, data, false);
}

/** Submit: every question answered and every rule met, or nothing changes. */
export function submitResponse(ctx: Ctx, data: unknown) {
	return write(ctx, data, true);
}

/** A submitted response back to draft, so the cluster can change it while the round is open. */
export async function reopenOwnResponse(ctx: Ctx): Promise<void> {
	const { round, response } = await load(ctx);
	if (round.status === 'closed')
		throw new ConflictError(m.survey_round_closed_respondent({}, { locale: ctx.locale }));
	if (!response || response.status !== 'completed') return;
	await ctx.db.transaction(async (tx) => {
		await setResponseStatus(tx, response.id, 'partial');
		await recordAudit(tx, ctx, {
			entity: 'survey-response',
			entityId: response.id,
			action: 'update',
			before: { status: 'completed' },
			after: { status: 'partial' }
		});
	});
}
