import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import {
	clusterStatuses,
	maturityStages,
	membershipStatuses,
	metrics,
	qualifiers,
	sourceKinds,
	units,
	type ProgrammeDetails
} from '../../../domain/landscape/types';
import { municipalities, origins } from './reference';

export const clusters = pgTable(
	'clusters',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		/** The reference `id`, stable across releases; used in URLs, the API and import files. */
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		shortName: text('short_name').notNull(),
		/** Business or technology area ("erhvervs- og teknologiområde"). */
		area: text('area').notNull(),
		/** Emerging strength position; null when unknown. */
		emerging: boolean('emerging'),
		/** Set when the sources only suggest it ("probably", "likely"). */
		emergingUncertain: boolean('emerging_uncertain').notNull().default(false),
		emergingNote: text('emerging_note'),
		status: text('status', { enum: clusterStatuses }).notNull(),
		closedYear: integer('closed_year'),
		statusNote: text('status_note'),
		website: text('website'),
		organisationForm: text('organisation_form'),
		formed: text('formed'),
		focus: text('focus'),
		/** Other facts from the sources that have no column of their own. */
		notes: text('notes'),
		sources: text('sources')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		origin: text('origin', { enum: origins }).notNull(),
		edited: boolean('edited').notNull().default(false),
		/** The office list was edited by a user: re-seeding leaves it alone. */
		officesEdited: boolean('offices_edited').notNull().default(false),
		/** Optimistic locking for edits. */
		version: integer('version').notNull().default(1),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('clusters_status_check', sql`${t.status} in ('active', 'closed')`),
		check('clusters_closed_year_check', sql`${t.status} = 'closed' or ${t.closedYear} is null`)
	]
);

/** Which programme periods a cluster belongs to. */
export const clusterProgrammes = pgTable(
	'cluster_programmes',
	{
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id, { onDelete: 'cascade' }),
		programmeCode: text('programme_code').notNull(),
		/** designated / granted: confirmed; uncertain: sources conflict. */
		status: text('status', { enum: membershipStatuses }).notNull(),
		note: text('note'),
		source: text('source'),
		origin: text('origin', { enum: origins }).notNull()
	},
	(t) => [primaryKey({ columns: [t.clusterId, t.programmeCode] })]
);

export const clusterOffices = pgTable(
	'cluster_offices',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id, { onDelete: 'cascade' }),
		label: text('label').notNull(),
		/** Null when the sources name a place that is not one municipality. */
		municipalityCode: text('municipality_code').references(() => municipalities.code),
		isHq: boolean('is_hq').notNull().default(false),
		fromYear: integer('from_year'),
		origin: text('origin', { enum: origins }).notNull()
	},
	(t) => [
		index('cluster_offices_cluster_idx').on(t.clusterId),
		index('cluster_offices_municipality_idx').on(t.municipalityCode)
	]
);

/**
 * A key figure of a cluster for a year, with its provenance. One current value per cluster, metric
 * and year; edits replace it (the audit log keeps the history). Deleted rows stay as tombstones so
 * re-seeding does not bring back a figure a user removed.
 */
export const clusterFigures = pgTable(
	'cluster_figures',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id, { onDelete: 'cascade' }),
		metric: text('metric', { enum: metrics }).notNull(),
		/** Null for undated figures (the source gives no year). */
		year: integer('year'),
		value: doublePrecision('value').notNull(),
		unit: text('unit', { enum: units }).notNull(),
		qualifier: text('qualifier', { enum: qualifiers }).notNull().default('exact'),
		isEstimate: boolean('is_estimate').notNull().default(false),
		sourceKind: text('source_kind', { enum: sourceKinds }).notNull(),
		sourceUrl: text('source_url'),
		/** "Survey Nordjylland 2023", "Årsrapport 2023", … */
		sourceLabel: text('source_label'),
		note: text('note'),
		origin: text('origin', { enum: origins }).notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [
		// One row per cluster, metric and year; undated (null) counts as one year of its own.
		unique('cluster_figures_key').on(t.clusterId, t.metric, t.year).nullsNotDistinct(),
		check('cluster_figures_value_check', sql`${t.value} >= 0`),
		check('cluster_figures_share_check', sql`${t.unit} <> 'share' or ${t.value} <= 1`)
	]
);

/** Which of the activity categories (`taxonomy.activityCategories`) a cluster offers. */
export const clusterActivities = pgTable(
	'cluster_activities',
	{
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id, { onDelete: 'cascade' }),
		categoryCode: text('category_code').notNull(),
		origin: text('origin', { enum: origins }).notNull()
	},
	(t) => [primaryKey({ columns: [t.clusterId, t.categoryCode] })]
);

/** An analyst's override of the derived maturity stage, with the reason. */
export const clusterStageOverrides = pgTable('cluster_stage_overrides', {
	clusterId: integer('cluster_id')
		.primaryKey()
		.references(() => clusters.id, { onDelete: 'cascade' }),
	stage: text('stage', { enum: maturityStages }).notNull(),
	reason: text('reason').notNull(),
	decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
	decidedByLabel: text('decided_by_label').notNull(),
	decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
});

/** Programme periods and how many clusters each designated, for gaps and snapshots. */
export const programmes = pgTable('programmes', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	fromYear: integer('from_year').notNull(),
	toYear: integer('to_year').notNull(),
	designatedCount: integer('designated_count').notNull(),
	details: jsonb('details')
		.$type<ProgrammeDetails>()
		.notNull()
		.default(sql`'{}'::jsonb`)
});
