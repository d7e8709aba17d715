/**
 * Presentation and dialogue meetings: creating one freezes a snapshot of every figure its deck
 * shows and proposes dialogue questions from it; after the meeting the analyst records decisions
 * and follow-ups. Every write is one transaction with its audit row.
 */
import { actorLabel } from '$lib/domain/access';
import {
	MeetingEditSchema,
	MeetingInputSchema,
	OutcomeInputSchema,
	QuestionsInputSchema
} from '$lib/domain/meetings/meeting';
import { proposeQuestions } from '$lib/domain/meetings/questions';
import { ConflictError, NotFoundError, ValidationError } from '$lib/domain/errors';
import { listAgreements } from '../../db/queries/agreements/agreements';
import { listUsers } from '../../db/queries/users/users';
import {
	deleteMeeting,
	deleteOutcome,
	insertMeeting,
	insertOutcome,
	insertSnapshot,
	listQuestions,
	replaceQuestions,
	setOutcomeDone,
	updateMeetingVersioned
} from '../../db/queries/meetings/meetings';
import { listRoundsWithCounts } from '../../db/queries/survey/rounds';
import { m } from '../../i18n';
import { parseInput, regionOrThrow } from '../../validation';
import { requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { meetingOrThrow, sayIn, snapshotOf } from './read';
import { takeSnapshot } from './snapshot';

export async function createMeeting(
	ctx: Ctx,
	regionCode: string,
	input: unknown,
	extra: { isDemo?: boolean; now?: Date } = {}
): Promise<{ id: number }> {
	requireRole(ctx, 'analyst');
	const code = regionOrThrow(ctx, regionCode);
	const data = parseInput(MeetingInputSchema, input, ctx.locale);
	if (data.roundId !== null) {
		const rounds = await listRoundsWithCounts(ctx.db);
		if (!rounds.some((r) => r.id === data.roundId && r.regionCode === code))
			throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
				{ path: ['roundId'], message: m.meeting_round_not_in_region({}, { locale: ctx.locale }) }
			]);
	}
	const snapshot = await takeSnapshot(ctx, code, data.roundId, data.locale, extra.now);
	const questions = proposeQuestions(snapshot, data.audience, sayIn(data.locale));
	return ctx.db.transaction(async (tx) => {
		const row = await insertMeeting(tx, {
			regionCode: code,
			...data,
			strategyVersion: snapshot.fit?.strategyVersion ?? null,
			isDemo: extra.isDemo ?? false,
			createdByLabel: actorLabel(ctx.actor)
		});
		await insertSnapshot(tx, {
			meetingId: row.id,
			data: snapshot,
			takenByLabel: actorLabel(ctx.actor)
		});
		await replaceQuestions(
			tx,
			row.id,
			questions.map((text) => ({ text, proposed: true }))
		);
		await recordAudit(tx, ctx, {
			entity: 'meeting',
			entityId: row.id,
			action: 'create',
			after: row
		});
		return { id: row.id };
	});
}

export async function updateMeeting(
	ctx: Ctx,
	id: number,
	input: unknown
): Promise<{ version: number }> {
	requireRole(ctx, 'analyst');
	const before = await meetingOrThrow(ctx, id);
	const { version, ...data } = parseInput(MeetingEditSchema, input, ctx.locale);
	return ctx.db.transaction(async (tx) => {
		const after = await updateMeetingVersioned(tx, id, version, data);
		if (!after) throw new ConflictError(m.meeting_version_conflict({}, { locale: ctx.locale }));
		await recordAudit(tx, ctx, {
			entity: 'meeting',
			entityId: id,
			action: 'update',
			before,
			after
		});
		return { version: after.version };
	});
}

export async function removeMeeting(ctx: Ctx, id: number): Promise<void> {
	requireRole(ctx, 'analyst');
	const before = await meetingOrThrow(ctx, id);
	await ctx.db.transaction(async (tx) => {
		await deleteMeeting(tx, id);
		await recordAudit(tx, ctx, { entity: 'meeting', entityId: id, action: 'delete', before });
	});
}

/**
 * Takes a new snapshot of today's data for the meeting's deck. The old one stays, so "what
 * changed" can still be shown against it.
 */
export async function refreshSnapshot(ctx: Ctx, id: number, now = new Date()): Promise<void> {
	requireRole(ctx, 'analyst');
	const meeting = await meetingOrThrow(ctx, id);
	const snapshot = await takeSnapshot(
		ctx,
		meeting.regionCode,
		meeting.roundId,
		meeting.locale,
		now
	);
	await ctx.db.transaction(async (tx) => {
		const row = await insertSnapshot(tx, {
			meetingId: id,
			data: snapshot,
			takenByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'meeting',
			entityId: id,
			action: 'update',
			after: { snapshotId: row.id, takenAt: row.takenAt }
		});
	});
}

/** Saves the whole list of dialogue questions at once; nothing is saved if one line is bad. */
export async function saveQuestions(ctx: Ctx, id: number, input: unknown): Promise<void> {
	requireRole(ctx, 'analyst');
	await meetingOrThrow(ctx, id);
	const { questions } = parseInput(QuestionsInputSchema, input, ctx.locale);
	const before = await listQuestions(ctx.db, id);
	const proposed = new Set(before.filter((q) => q.proposed).map((q) => q.text));
	await ctx.db.transaction(async (tx) => {
		await replaceQuestions(
			tx,
			id,
			questions.map((text) => ({ text, proposed: proposed.has(text) }))
		);
		await recordAudit(tx, ctx, {
			entity: 'meeting-questions',
			entityId: id,
			action: 'update',
			before: before.map((q) => q.text),
			after: questions
		});
	});
}

/** Adds the proposals from the snapshot that the list does not hold yet. */
export async function proposeAgain(ctx: Ctx, id: number): Promise<number> {
	requireRole(ctx, 'analyst');
	const meeting = await meetingOrThrow(ctx, id);
	const { data } = await snapshotOf(ctx, id);
	const current = await listQuestions(ctx.db, id);
	const have = new Set(current.map((q) => q.text));
	const fresh = proposeQuestions(data, meeting.audience, sayIn(meeting.locale)).filter(
		(q) => !have.has(q)
	);
	if (fresh.length === 0) return 0;
	await saveQuestions(ctx, id, { questions: [...current.map((q) => q.text), ...fresh] });
	return fresh.length;
}

export async function addOutcome(ctx: Ctx, id: number, input: unknown): Promise<{ id: number }> {
	requireRole(ctx, 'analyst');
	const meeting = await meetingOrThrow(ctx, id);
	const data = parseInput(OutcomeInputSchema, input, ctx.locale);
	const o = { locale: ctx.locale };
	if (data.responsibleUserId) {
		const users = await listUsers(ctx.db);
		if (!users.some((u) => u.id === data.responsibleUserId && u.role !== 'viewer'))
			throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
				{ path: ['responsibleUserId'], message: m.meeting_unknown_user({}, o) }
			]);
	}
	if (data.agreementId) {
		const agreements = await listAgreements(ctx.db, { regionCode: meeting.regionCode });
		if (!agreements.some((a) => a.id === data.agreementId))
			throw new ValidationError(m.validation_failed({}, { locale: ctx.locale }), [
				{ path: ['agreementId'], message: m.meeting_unknown_agreement({}, o) }
			]);
	}
	return ctx.db.transaction(async (tx) => {
		const row = await insertOutcome(tx, {
			meetingId: id,
			...data,
			createdByLabel: actorLabel(ctx.actor)
		});
		await recordAudit(tx, ctx, {
			entity: 'meeting-outcome',
			entityId: row.id,
			action: 'create',
			after: data
		});
		return row;
	});
}

export async function markOutcome(
	ctx: Ctx,
	id: number,
	outcomeId: number,
	done: boolean
): Promise<void> {
	requireRole(ctx, 'analyst');
	await meetingOrThrow(ctx, id);
	await ctx.db.transaction(async (tx) => {
		if (!(await setOutcomeDone(tx, id, outcomeId, done)))
			throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
		await recordAudit(tx, ctx, {
			entity: 'meeting-outcome',
			entityId: outcomeId,
			action: 'update',
			after: { done }
		});
	});
}

export async function removeOutcome(ctx: Ctx, id: number, outcomeId: number): Promise<void> {
	requireRole(ctx, 'analyst');
	await meetingOrThrow(ctx, id);
	await ctx.db.transaction(async (tx) => {
		if (!(await deleteOutcome(tx, id, outcomeId)))
			throw new NotFoundError(m.error_not_found({}, { locale: ctx.locale }));
		await recordAudit(tx, ctx, {
			entity: 'meeting-outcome',
			entityId: outcomeId,
			action: 'delete'
		});
	});
}
