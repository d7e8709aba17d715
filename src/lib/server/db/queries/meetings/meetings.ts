import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import {
	agreements,
	meetingOutcomes,
	meetingQuestions,
	meetings,
	meetingSnapshots,
	regions,
	surveyRounds,
	users
} from '../../schema';
import { ownedBy } from '../../scope';

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingInsert = typeof meetings.$inferInsert;
export type QuestionRow = typeof meetingQuestions.$inferSelect;

export interface MeetingListRow extends MeetingRow {
	regionName: string;
	roundTitle: string | null;
}

const listColumns = { meeting: meetings, regionName: regions.name, roundTitle: surveyRounds.title };

export async function listMeetings(
	db: Db | Tx,
	filter: { regionCode?: string }
): Promise<MeetingListRow[]> {
	const rows = await db
		.select(listColumns)
		.from(meetings)
		.innerJoin(regions, eq(regions.code, meetings.regionCode))
		.leftJoin(surveyRounds, and(eq(surveyRounds.id, meetings.roundId), ownedBy(surveyRounds)))
		.where(
			and(
				ownedBy(meetings),
				filter.regionCode ? eq(meetings.regionCode, filter.regionCode) : undefined
			)
		)
		.orderBy(desc(meetings.heldOn), desc(meetings.id));
	return rows.map((r) => ({ ...r.meeting, regionName: r.regionName, roundTitle: r.roundTitle }));
}

export async function findMeeting(db: Db | Tx, id: number): Promise<MeetingListRow | undefined> {
	const [row] = await db
		.select(listColumns)
		.from(meetings)
		.innerJoin(regions, eq(regions.code, meetings.regionCode))
		.leftJoin(surveyRounds, and(eq(surveyRounds.id, meetings.roundId), ownedBy(surveyRounds)))
		.where(and(ownedBy(meetings), eq(meetings.id, id)));
	return row
		? { ...row.meeting, regionName: row.regionName, roundTitle: row.roundTitle }
		: undefined;
}

export async function insertMeeting(tx: Db | Tx, values: MeetingInsert): Promise<MeetingRow> {
	const [row] = await tx.insert(meetings).values(values).returning();
	if (!row) throw new Error('insert into meetings returned nothing');
	return row;
}

/** Saves an edit only if nobody saved since `version`; undefined means someone did. */
export async function updateMeetingVersioned(
	tx: Db | Tx,
	id: number,
	version: number,
	values: Partial<MeetingInsert>
): Promise<MeetingRow | undefined> {
	const [row] = await tx
		.update(meetings)
		.set({ ...values, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
		.where(and(ownedBy(meetings), eq(meetings.id, id), eq(meetings.version, version)))
		.returning();
	return row;
}

export async function deleteMeeting(tx: Db | Tx, id: number): Promise<void> {
	await tx.delete(meetings).where(and(ownedBy(meetings), eq(meetings.id, id)));
}

export async function insertSnapshot(
	tx: Db | Tx,
	values: typeof meetingSnapshots.$inferInsert
): Promise<{ id: number; takenAt: Date }> {
	const [row] = await tx
		.insert(meetingSnapshots)
		.values(values)
		.returning({ id: meetingSnapshots.id, takenAt: meetingSnapshots.takenAt });
	if (!row) throw new Error('insert into meeting_snapshots returned nothing');
	return row;
}

/** The snapshot the meeting's deck is made from: its newest. */
export async function latestSnapshot(
	db: Db | Tx,
	meetingId: number
): Promise<{ id: number; data: unknown; takenAt: Date; takenByLabel: string } | undefined> {
	const [row] = await db
		.select({
			id: meetingSnapshots.id,
			data: meetingSnapshots.data,
			takenAt: meetingSnapshots.takenAt,
			takenByLabel: meetingSnapshots.takenByLabel
		})
		.from(meetingSnapshots)
		.where(and(ownedBy(meetingSnapshots), eq(meetingSnapshots.meetingId, meetingId)))
		.orderBy(desc(meetingSnapshots.takenAt), desc(meetingSnapshots.id))
		.limit(1);
	return row;
}

/** Every snapshot of a meeting, newest first, without the data. */
export async function listSnapshots(
	db: Db | Tx,
	meetingId: number
): Promise<{ id: number; takenAt: Date; takenByLabel: string }[]> {
	return db
		.select({
			id: meetingSnapshots.id,
			takenAt: meetingSnapshots.takenAt,
			takenByLabel: meetingSnapshots.takenByLabel
		})
		.from(meetingSnapshots)
		.where(and(ownedBy(meetingSnapshots), eq(meetingSnapshots.meetingId, meetingId)))
		.orderBy(desc(meetingSnapshots.takenAt), desc(meetingSnapshots.id));
}

export async function listQuestions(db: Db | Tx, meetingId: number): Promise<QuestionRow[]> {
	return db
		.select()
		.from(meetingQuestions)
		.where(and(ownedBy(meetingQuestions), eq(meetingQuestions.meetingId, meetingId)))
		.orderBy(asc(meetingQuestions.position), asc(meetingQuestions.id));
}

/** Replaces the meeting's questions with the given list, in order. */
export async function replaceQuestions(
	tx: Db | Tx,
	meetingId: number,
	questions: { text: string; proposed: boolean }[]
): Promise<void> {
	await tx
		.delete(meetingQuestions)
		.where(and(ownedBy(meetingQuestions), eq(meetingQuestions.meetingId, meetingId)));
	if (questions.length)
		await tx
			.insert(meetingQuestions)
			.values(questions.map((q, position) => ({ meetingId, position, ...q })));
}

export interface OutcomeRow {
	id: number;
	kind: 'decision' | 'follow-up';
	text: string;
	responsibleUserId: string | null;
	responsibleEmail: string | null;
	dueOn: string | null;
	done: boolean;
	agreementId: number | null;
	agreementTitle: string | null;
	createdByLabel: string;
	createdAt: Date;
}

export async function listOutcomes(db: Db | Tx, meetingId: number): Promise<OutcomeRow[]> {
	return db
		.select({
			id: meetingOutcomes.id,
			kind: meetingOutcomes.kind,
			text: meetingOutcomes.text,
			responsibleUserId: meetingOutcomes.responsibleUserId,
			responsibleEmail: users.email,
			dueOn: meetingOutcomes.dueOn,
			done: meetingOutcomes.done,
			agreementId: meetingOutcomes.agreementId,
			agreementTitle: agreements.title,
			createdByLabel: meetingOutcomes.createdByLabel,
			createdAt: meetingOutcomes.createdAt
		})
		.from(meetingOutcomes)
		.leftJoin(users, eq(users.id, meetingOutcomes.responsibleUserId))
		.leftJoin(agreements, and(eq(agreements.id, meetingOutcomes.agreementId), ownedBy(agreements)))
		.where(and(ownedBy(meetingOutcomes), eq(meetingOutcomes.meetingId, meetingId)))
		.orderBy(asc(meetingOutcomes.kind), asc(meetingOutcomes.id));
}

export async function insertOutcome(
	tx: Db | Tx,
	values: typeof meetingOutcomes.$inferInsert
): Promise<{ id: number }> {
	const [row] = await tx
		.insert(meetingOutcomes)
		.values(values)
		.returning({ id: meetingOutcomes.id });
	if (!row) throw new Error('insert into meeting_outcomes returned nothing');
	return row;
}

/** Marks an outcome of the meeting done or not; false when it is not the meeting's. */
export async function setOutcomeDone(
	tx: Db | Tx,
	meetingId: number,
	id: number,
	done: boolean
): Promise<boolean> {
	const rows = await tx
		.update(meetingOutcomes)
		.set({ done })
		.where(
			and(
				ownedBy(meetingOutcomes),
				eq(meetingOutcomes.id, id),
				eq(meetingOutcomes.meetingId, meetingId)
			)
		)
		.returning({ id: meetingOutcomes.id });
	return rows.length > 0;
}

export async function deleteOutcome(tx: Db | Tx, meetingId: number, id: number): Promise<boolean> {
	const rows = await tx
		.delete(meetingOutcomes)
		.where(
			and(
				ownedBy(meetingOutcomes),
				eq(meetingOutcomes.id, id),
				eq(meetingOutcomes.meetingId, meetingId)
			)
		)
		.returning({ id: meetingOutcomes.id });
	return rows.length > 0;
}
