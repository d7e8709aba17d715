import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { organisationId } from './organisations';
import { users } from './auth';
import { clusters } from './landscape';
import { regions } from './reference';
import type { Answers } from '../../../domain/survey/answers';
import type { QuestionnaireTexts } from '../../../domain/survey/questionnaire';

export const roundStatuses = ['open', 'closed'] as const;
export const responseStatuses = ['not_started', 'partial', 'completed'] as const;

/** A yearly survey of the clusters about their engagement in one region. */
export const surveyRounds = pgTable(
	'survey_rounds',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		year: integer('year').notNull(),
		title: text('title').notNull(),
		/** "Unique companies since year X": the year the reach questions count from. */
		sinceYear: integer('since_year').notNull(),
		status: text('status', { enum: roundStatuses }).notNull().default('open'),
		/** Invitation links stop working after this day. */
		closesOn: date('closes_on'),
		/** Illustrative demo data, labelled as such everywhere it shows. */
		isDemo: boolean('is_demo').notNull().default(false),
		/** The per-round tag list for interview notes. */
		interviewTags: text('interview_tags')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [
		index('survey_rounds_region_idx').on(t.regionCode, t.year),
		check('survey_rounds_since_check', sql`${t.sinceYear} <= ${t.year}`)
	]
);

/** The questionnaire's wording, versioned: each response keeps the version it was given under. */
export const surveyVersions = pgTable(
	'survey_versions',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		roundId: integer('round_id')
			.notNull()
			.references(() => surveyRounds.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		texts: jsonb('texts').$type<QuestionnaireTexts>().notNull(),
		createdByLabel: text('created_by_label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('survey_versions_round_version').on(t.roundId, t.version)]
);

/** A cluster invited to a round; its secret links live in survey_invitation_tokens. */
export const surveyInvitations = pgTable(
	'survey_invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: organisationId(),
		roundId: integer('round_id')
			.notNull()
			.references(() => surveyRounds.id, { onDelete: 'cascade' }),
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id, { onDelete: 'cascade' }),
		/** Where invitations and reminders go; empty means the analyst sends the link by hand. */
		recipientEmail: text('recipient_email'),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
		reminders: integer('reminders').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('survey_invitations_round_cluster').on(t.roundId, t.clusterId)]
);

/**
 * Secret links, stored as SHA-256 hashes. Each invitation or reminder mints a new link; older
 * links keep working (several staff may use them) until they expire or the invitation is revoked.
 */
export const surveyInvitationTokens = pgTable(
	'survey_invitation_tokens',
	{
		tokenHash: text('token_hash').primaryKey(),
		organisationId: organisationId(),
		invitationId: uuid('invitation_id')
			.notNull()
			.references(() => surveyInvitations.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		/** Kept after revocation so the link can say so, instead of looking unknown. */
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('survey_invitation_tokens_invitation_idx').on(t.invitationId)]
);

/** One cluster's answers in a round (the answer model in `domain/survey/answers.ts`). */
export const surveyResponses = pgTable(
	'survey_responses',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		roundId: integer('round_id')
			.notNull()
			.references(() => surveyRounds.id, { onDelete: 'cascade' }),
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id, { onDelete: 'cascade' }),
		status: text('status', { enum: responseStatuses }).notNull().default('not_started'),
		answers: jsonb('answers')
			.$type<Answers>()
			.notNull()
			.default(sql`'{"activeInRegion": null}'::jsonb`),
		versionId: integer('version_id').references(() => surveyVersions.id),
		/** How the answers arrived: through the link, a file import, or typed by an analyst. */
		source: text('source', { enum: ['link', 'import', 'analyst'] })
			.notNull()
			.default('link'),
		startedAt: timestamp('started_at', { withTimezone: true }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
		updatedByLabel: text('updated_by_label')
	},
	(t) => [
		unique('survey_responses_round_cluster').on(t.roundId, t.clusterId),
		index('survey_responses_status_idx').on(t.roundId, t.status)
	]
);

/** Messages to respondents: sent by SMTP when configured, else kept here for an analyst to copy. */
export const outboxMessages = pgTable(
	'outbox_messages',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		toAddress: text('to_address'),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		status: text('status', { enum: ['outbox', 'sent', 'failed'] }).notNull(),
		error: text('error'),
		kind: text('kind').notNull(),
		roundId: integer('round_id').references(() => surveyRounds.id, { onDelete: 'cascade' }),
		createdByLabel: text('created_by_label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		handledAt: timestamp('handled_at', { withTimezone: true })
	},
	(t) => [index('outbox_messages_status_idx').on(t.status, t.createdAt)]
);

/** Interview notes with a cluster or a regional actor; names of people are not needed. */
export const interviews = pgTable(
	'interviews',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		roundId: integer('round_id')
			.notNull()
			.references(() => surveyRounds.id, { onDelete: 'cascade' }),
		clusterId: integer('cluster_id').references(() => clusters.id, { onDelete: 'set null' }),
		actorSlug: text('actor_slug'),
		heldOn: date('held_on').notNull(),
		participantRoles: text('participant_roles')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		notes: text('notes').notNull(),
		tags: text('tags')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		createdByLabel: text('created_by_label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('interviews_round_idx').on(t.roundId),
		check('interviews_subject_check', sql`(${t.clusterId} is null) <> (${t.actorSlug} is null)`)
	]
);

/** A quote from an interview, pinned to a cluster and/or a question of the findings. */
export const interviewQuotes = pgTable(
	'interview_quotes',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		interviewId: integer('interview_id')
			.notNull()
			.references(() => interviews.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		clusterId: integer('cluster_id').references(() => clusters.id, { onDelete: 'set null' }),
		questionKey: text('question_key'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('interview_quotes_interview_idx').on(t.interviewId)]
);
