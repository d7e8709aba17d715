import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	unique
} from 'drizzle-orm/pg-core';
import { organisationId } from './organisations';
import { clusters } from './landscape';
import { origins, regions } from './reference';
import { presenceFits, type CollaborationModel } from '../../../domain/collaboration/catalogue';
import { decisionKinds } from '../../../domain/collaboration/portfolio';
import type { Effort, Hub, Weights } from '../../../domain/strategy/strategy';

/** A region's business-promotion strategy; its content lives in versions. */
export const strategies = pgTable(
	'strategies',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		/** The actor that owns the strategy, e.g. `brn`. */
		ownerSlug: text('owner_slug'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	// One strategy per region in each organisation: another organisation may have its own.
	(t) => [unique('strategies_organisation_region').on(t.organisationId, t.regionCode)]
);

/**
 * One saved state of a strategy: vision, efforts (with their areas, activity categories and
 * keywords) and the fit weights. Earlier versions stay viewable; recommendations and overrides
 * say which version they were made under.
 */
export const strategyVersions = pgTable(
	'strategy_versions',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		strategyId: integer('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		vision: text('vision').notNull(),
		efforts: jsonb('efforts').$type<Effort[]>().notNull(),
		/** Regional initiatives (hubs) the collaboration can build on, with their themes. */
		hubs: jsonb('hubs')
			.$type<Hub[]>()
			.notNull()
			.default(sql`'[]'::jsonb`),
		weights: jsonb('weights').$type<Weights>().notNull(),
		/** Still the stand-in example from the reference data (the UI says so until edited). */
		isExample: boolean('is_example').notNull().default(false),
		source: text('source'),
		createdByLabel: text('created_by_label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('strategy_versions_version').on(t.strategyId, t.version)]
);

/** An analyst's override of one cluster × effort fit score, with the reason. */
export const fitOverrides = pgTable(
	'fit_overrides',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		strategyId: integer('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id, { onDelete: 'cascade' }),
		effortCode: text('effort_code').notNull(),
		score: integer('score').notNull(),
		reason: text('reason').notNull(),
		decidedByLabel: text('decided_by_label').notNull(),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('fit_overrides_cell').on(t.strategyId, t.clusterId, t.effortCode)]
);

/** The catalogue of ways a region and a cluster can work together (seeded, editable). */
export const collaborationModels = pgTable('collaboration_models', {
	code: text('code').primaryKey(),
	/** Texts in Danish and English: name, purpose, contributions, KPIs, risks. */
	texts: jsonb('texts').$type<CollaborationModel['texts']>().notNull(),
	/** What the region contributes: money, premises, staff, access. */
	contributions: text('contributions')
		.array()
		.notNull()
		.default(sql`'{}'::text[]`),
	typicalMonths: integer('typical_months'),
	suitsStages: text('suits_stages')
		.array()
		.notNull()
		.default(sql`'{}'::text[]`),
	/** Whether the model needs the cluster present in the region: any, present or absent. */
	suitsPresence: text('suits_presence', { enum: presenceFits }).notNull().default('any'),
	/** Pre-agreement checklist items the model answers (codes from the taxonomy). */
	checklist: text('checklist')
		.array()
		.notNull()
		.default(sql`'{}'::text[]`),
	sortOrder: integer('sort_order').notNull().default(0),
	origin: text('origin', { enum: origins }).notNull(),
	edited: boolean('edited').notNull().default(false),
	version: integer('version').notNull().default(1),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** An analyst's decision on a recommendation: accepted, changed to another model, or rejected. */
export const recommendationDecisions = pgTable(
	'recommendation_decisions',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id, { onDelete: 'cascade' }),
		/** The model the engine proposed first. */
		proposedModel: text('proposed_model').notNull(),
		decision: text('decision', { enum: decisionKinds }).notNull(),
		/** The model chosen: the proposal, another one, or null when rejected. */
		chosenModel: text('chosen_model'),
		note: text('note').notNull(),
		/** Checklist points the analyst confirmed as met for this cluster. */
		checklistMet: text('checklist_met')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		strategyVersionId: integer('strategy_version_id').references(() => strategyVersions.id, {
			onDelete: 'set null'
		}),
		decidedByLabel: text('decided_by_label').notNull(),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('recommendation_decisions_region_idx').on(t.regionCode, t.clusterId, t.decidedAt)]
);
