import { sql } from 'drizzle-orm';
import type { StoredSnapshot } from '../../../domain/meetings/snapshot';
import {
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { organisationId } from './organisations';
import { agreements } from './agreements';
import { users } from './auth';
import { regions } from './reference';
import { surveyRounds } from './survey';

export const meetingAudiences = ['board', 'management'] as const;

/**
 * A presentation and dialogue meeting with the board or management. The deck is generated from
 * the meeting's snapshot (`meeting_snapshots`), never from live data.
 */
export const meetings = pgTable(
	'meetings',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		audience: text('audience', { enum: meetingAudiences }).notNull(),
		title: text('title').notNull(),
		heldOn: date('held_on').notNull(),
		/** The deck's language; the snapshot's labels are in it. */
		locale: text('locale', { enum: ['da', 'en'] })
			.notNull()
			.default('da'),
		roundId: integer('round_id').references(() => surveyRounds.id, { onDelete: 'set null' }),
		strategyVersion: integer('strategy_version'),
		purpose: text('purpose').notNull().default(''),
		agenda: text('agenda')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		isDemo: boolean('is_demo').notNull().default(false),
		/** Optimistic lock: every save names the version it edited. */
		version: integer('version').notNull().default(1),
		createdByLabel: text('created_by_label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('meetings_region_idx').on(t.regionCode, t.heldOn)]
);

/** Every figure a meeting's deck shows, frozen; the newest row is the deck's. */
export const meetingSnapshots = pgTable(
	'meeting_snapshots',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		data: jsonb('data').$type<StoredSnapshot>().notNull(),
		takenByLabel: text('taken_by_label').notNull(),
		takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('meeting_snapshots_meeting_idx').on(t.meetingId, t.takenAt)]
);

/** Dialogue questions, proposed from the snapshot and edited by the analyst. */
export const meetingQuestions = pgTable(
	'meeting_questions',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		text: text('text').notNull(),
		proposed: boolean('proposed').notNull().default(false)
	},
	(t) => [index('meeting_questions_meeting_idx').on(t.meetingId, t.position)]
);

export const outcomeKinds = ['decision', 'follow-up'] as const;

/**
 * What the meeting decided, and the follow-ups it gave: a follow-up is a task with a responsible
 * user and a due date, and can lead to an agreement.
 */
export const meetingOutcomes = pgTable(
	'meeting_outcomes',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: outcomeKinds }).notNull(),
		text: text('text').notNull(),
		responsibleUserId: uuid('responsible_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		dueOn: date('due_on'),
		done: boolean('done').notNull().default(false),
		agreementId: integer('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
		createdByLabel: text('created_by_label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('meeting_outcomes_meeting_idx').on(t.meetingId)]
);
