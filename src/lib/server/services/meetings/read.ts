/**
 * A meeting as it is read: the meeting, its stored snapshot and the deck's slides built from it,
 * the lists and the options of the forms. Nothing here takes a snapshot, so reading a meeting
 * never reaches the areas a snapshot is taken from.
 */
import { buildSlides, type DeckMeeting, type Say, type Slide } from '$lib/domain/meetings/slides';
import { readSnapshot, type DeckSnapshot } from '$lib/domain/meetings/snapshot';
import { NotFoundError } from '$lib/domain/errors';
import type { Locale } from '$lib/format';
import { listAgreements } from '../../db/queries/agreements/agreements';
import { listUsers } from '../../db/queries/users/users';
import {
	findMeeting,
	latestSnapshot,
	listMeetings,
	listOutcomes,
	listQuestions,
	listSnapshots,
	type MeetingListRow,
	type OutcomeRow,
	type QuestionRow
} from '../../db/queries/meetings/meetings';
import { listRegions } from '../../db/queries/reference/geography';
import { listRoundsWithCounts } from '../../db/queries/survey/rounds';
import { m, messageByKey } from '../../i18n';
import { regionOrThrow } from '../../validation';
import { hasRole, requireRole } from '../access';
import type { Ctx } from '../context';

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
	const data = row ? readSnapshot(row.data) : null;
	if (!row || !data)
		throw new NotFoundError(m.meeting_not_found({ id: String(meetingId) }, { locale: ctx.locale }));
	return { ...row, data };
}

export interface MeetingOptions {
	regions: { code: string; name: string }[];
	rounds: { id: number; title: string; regionCode: string; completed: number; isDemo: boolean }[];
	users: { id: string; label: string }[];
}

export async function meetingOptions(ctx: Ctx): Promise<MeetingOptions> {
	requireRole(ctx, 'viewer');
	const [regions, rounds, users] = await Promise.all([
		listRegions(ctx.db),
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

export interface MeetingSlides {
	meeting: MeetingListRow;
	snapshot: DeckSnapshot;
	slides: Slide[];
}

export async function meetingSlides(ctx: Ctx, id: number): Promise<MeetingSlides> {
	requireRole(ctx, 'viewer');
	const meeting = await meetingOrThrow(ctx, id);
	const [{ data }, questions] = await Promise.all([snapshotOf(ctx, id), listQuestions(ctx.db, id)]);
	const deckMeeting: DeckMeeting = {
		title: meeting.title,
		audience: meeting.audience,
		heldOn: meeting.heldOn,
		purpose: meeting.purpose,
		agenda: meeting.agenda,
		questions: questions.map((q) => q.text),
		isDemo: meeting.isDemo
	};
	return { meeting, snapshot: data, slides: buildSlides(data, deckMeeting, sayIn(meeting.locale)) };
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
