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
import type { Say } from '$lib/domain/meetings/slides';
import { SNAPSHOT_FORMAT, type DeckSnapshot } from '$lib/domain/meetings/snapshot';
import { ConflictError, NotFoundError, ValidationError } from '$lib/domain/errors';
import type { Locale } from '$lib/format';
import { listAgreements } from '../../db/queries/agreements/agreements';
import { listUsers } from '../../db/queries/users/users';
import {
	deleteMeeting,
	deleteOutcome,
	findMeeting,
	insertMeeting,
	insertOutcome,
	insertSnapshot,
	latestSnapshot,
	listMeetings,
	listOutcomes,
	listQuestions,
	listSnapshots,
	replaceQuestions,
	setOutcomeDone,
	updateMeetingVersioned,
	type MeetingListRow,
	type OutcomeRow,
	type QuestionRow
} from '../../db/queries/meetings/meetings';
import { listRoundsWithCounts } from '../../db/queries/survey/rounds';
import { m, messageByKey } from '../../i18n';
import { parseInput } from '../../validation';
import { hasRole, requireRole } from '../access';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { takeSnapshot } from './snapshot';
import { getRegions } from '../landscape';
import { regionOrThrow } from '../strategy';

export function sayIn(locale: Locale): Say {
	return (key, params = {}) => messageByKey(key, params, locale) ?? key;
}

export async function meetingOrThrow(ctx: Ctx, id: number): Promise<MeetingListRow> {
	const row = Number.isInteger(id) ? await findMeeting(ctx.db, id) : undefined;
	if (!row)
		throw new NotFoundError(m.meeting_not_found({ id: String(id) }, { locale: ctx.locale }));
	return row;
}

/** The meeting's deck snapshot; a meeting always has one from the moment it is created. */
export async function snapshotOf(
	ctx: Ctx,
	meetingId: number
): Promise<{ id: number; data: DeckSnapshot; takenAt: Date; takenByLabel: string }> {
	const row = await latestSnapshot(ctx.db, meetingId);
	const data = row?.data as DeckSnapshot | undefined;
	if (!row || data?.format !== SNAPSHOT_FORMAT)
		throw new NotFoundError(m.meeting_not_found({ id: String(meetingId) }, { locale: ctx.locale }));
	// Snapshots taken before the organisation was recorded name the region instead.
	return { ...row, data: { ...data, organisation: data.organisation ?? data.region.name } };
}

export interface MeetingOptions {
	regions: { code: string; name: string }[];
	rounds: { id: number; title: string; regionCode: string; completed: number; isDemo: boolean }[];
	users: { id: string; label: string }[];
}

export async function meetingOptions(ctx: Ctx): Promise<MeetingOptions> {
	requireRole(ctx, 'viewer');
	const [regions, rounds, users] = await Promise.all([
		getRegions(ctx),
		listRoundsWithCounts(ctx.db),
		listUsers(ctx.db)
	]);
	return {
		regions: regions.map((r) => ({ code: r.code, name: r.name })),
		rounds: rounds.map((r) => ({
			id: r.id,
			title: r.title,
			regionCode: r.regionCode,
			completed: r.completed,
			isDemo: r.isDemo
		})),
		users: users
			.filter((u) => u.role !== 'viewer' && !u.disabledAt)
			.map((u) => ({ id: u.id, label: `${u.name} (${u.email})` }))
	};
}

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

export interface MeetingDetail {
	meeting: MeetingListRow;
	snapshot: { id: number; takenAt: Date; takenByLabel: string };
	snapshots: { id: number; takenAt: Date; takenByLabel: string }[];
	questions: QuestionRow[];
	outcomes: OutcomeRow[];
	agreements: { id: number; title: string }[];
	users: { id: string; label: string }[];
	canEdit: boolean;
}

export async function getMeeting(ctx: Ctx, id: number): Promise<MeetingDetail> {
	requireRole(ctx, 'viewer');
	const meeting = await meetingOrThrow(ctx, id);
	const [snapshots, questions, outcomes, agreements, options] = await Promise.all([
		listSnapshots(ctx.db, id),
		listQuestions(ctx.db, id),
		listOutcomes(ctx.db, id),
		listAgreements(ctx.db, { regionCode: meeting.regionCode }),
		meetingOptions(ctx)
	]);
	const [snapshot] = snapshots;
	if (!snapshot)
		throw new NotFoundError(m.meeting_not_found({ id: String(id) }, { locale: ctx.locale }));
	return {
		meeting,
		snapshot,
		snapshots,
		questions,
		outcomes,
		agreements: agreements.map((a) => ({ id: a.id, title: a.title })),
		users: options.users,
		canEdit: hasRole(ctx, 'analyst')
	};
}

/** A meeting as lists, the API and the CLI show it. */
export function meetingItem(r: MeetingListRow) {
	return {
		id: r.id,
		title: r.title,
		audience: r.audience,
		heldOn: r.heldOn,
		region: { code: r.regionCode, name: r.regionName },
		round: r.roundId ? { id: r.roundId, title: r.roundTitle } : null,
		strategyVersion: r.strategyVersion,
		locale: r.locale,
		isDemo: r.isDemo
	};
}
export type MeetingItem = ReturnType<typeof meetingItem>;

export async function listMeetingItems(
	ctx: Ctx,
	query: { region?: string | null } = {}
): Promise<MeetingItem[]> {
	requireRole(ctx, 'viewer');
	const regionCode = query.region ? regionOrThrow(ctx, query.region) : undefined;
	return (await listMeetings(ctx.db, { regionCode })).map(meetingItem);
}
