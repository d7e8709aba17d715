import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	customType,
	date,
	doublePrecision,
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
import { collaborationModels, recommendationDecisions } from './strategy';
import type { z } from 'zod';
import { statuses, type ContactSchema } from '../../../domain/agreements/agreement';
import { reviewDecisions } from '../../../domain/agreements/follow-up';
import { frequencies } from '../../../domain/agreements/kpi';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => Buffer.from(value)
});

/**
 * A collaboration agreement between one or more regional parties and one cluster. `parties` holds
 * actor slugs and `municipality:<code>` keys; who pays what is in `agreement_budget_lines`.
 */
export const agreements = pgTable(
	'agreements',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id),
		title: text('title').notNull(),
		modelCode: text('model_code').references(() => collaborationModels.code),
		parties: text('parties')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		efforts: text('efforts')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		municipalities: text('municipalities')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		status: text('status', { enum: statuses }).notNull().default('draft'),
		/** Contact roles per party, e.g. `[{ party: 'brn', role: 'Erhvervskonsulent' }]`; no names. */
		contacts: jsonb('contacts')
			.$type<z.infer<typeof ContactSchema>[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		/** How each of the seven checklist points is handled: `{ code: note }`. */
		checklist: jsonb('checklist')
			.$type<Record<string, string>>()
			.notNull()
			.default(sql`'{}'::jsonb`),
		notes: text('notes'),
		responsibleUserId: uuid('responsible_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		decisionId: integer('decision_id').references(() => recommendationDecisions.id, {
			onDelete: 'set null'
		}),
		isDemo: boolean('is_demo').notNull().default(false),
		/** Optimistic lock: every save names the version it edited. */
		version: integer('version').notNull().default(1),
		createdByLabel: text('created_by_label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('agreements_region_idx').on(t.regionCode, t.status),
		index('agreements_cluster_idx').on(t.clusterId)
	]
);

/** Who pays what, per party and year, in whole DKK. */
export const agreementBudgetLines = pgTable(
	'agreement_budget_lines',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		party: text('party').notNull(),
		year: integer('year').notNull(),
		amountDkk: bigint('amount_dkk', { mode: 'number' }).notNull(),
		note: text('note')
	},
	(t) => [unique('agreement_budget_lines_party_year').on(t.agreementId, t.party, t.year)]
);

/** Attached documents, stored in the database so a backup holds everything. */
export const agreementDocuments = pgTable(
	'agreement_documents',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		filename: text('filename').notNull(),
		mediaType: text('media_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		content: bytea('content').notNull(),
		uploadedByLabel: text('uploaded_by_label').notNull(),
		uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('agreement_documents_agreement_idx').on(t.agreementId)]
);

export const agreementGoals = pgTable(
	'agreement_goals',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description'),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [index('agreement_goals_agreement_idx').on(t.agreementId)]
);

/**
 * A KPI of a goal. `source` is `manual`, or an automatic source code (`survey-members`, …) whose
 * measurements come from data the platform already has.
 */
export const kpis = pgTable(
	'kpis',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		goalId: integer('goal_id')
			.notNull()
			.references(() => agreementGoals.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		unit: text('unit').notNull(),
		baseline: doublePrecision('baseline').notNull(),
		target: doublePrecision('target').notNull(),
		dueOn: date('due_on').notNull(),
		frequency: text('frequency', { enum: frequencies }).notNull(),
		source: text('source').notNull().default('manual'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('kpis_goal_idx').on(t.goalId)]
);

/** A manual measurement of a KPI (automatic ones are read from their source). */
export const kpiMeasurements = pgTable(
	'kpi_measurements',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		kpiId: integer('kpi_id')
			.notNull()
			.references(() => kpis.id, { onDelete: 'cascade' }),
		measuredOn: date('measured_on').notNull(),
		value: doublePrecision('value').notNull(),
		comment: text('comment'),
		isEstimate: boolean('is_estimate').notNull().default(false),
		enteredByLabel: text('entered_by_label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('kpi_measurements_kpi_idx').on(t.kpiId, t.measuredOn)]
);

/** The annual review of an agreement: what was achieved, and whether to continue, change or end. */
export const agreementReviews = pgTable(
	'agreement_reviews',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		achieved: text('achieved').notNull(),
		decision: text('decision', { enum: reviewDecisions }).notNull(),
		note: text('note'),
		decidedByLabel: text('decided_by_label').notNull(),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('agreement_reviews_year').on(t.agreementId, t.year)]
);

/** Reminders already sent, so each due item is reminded once per due date. */
export const followUpReminders = pgTable('follow_up_reminders', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	organisationId: organisationId(),
	/** e.g. `kpi:12:2027-03-31`, `ends:4:2027-12-31`, `review:4:2027`. */
	itemKey: text('item_key').notNull().unique(),
	sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
});
