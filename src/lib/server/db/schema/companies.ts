import {
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { organisationColumn, organisationId } from './organisations';
import { companyImportKinds, companyListKinds } from '../../../domain/companies/kinds';
import type { JsonValue } from '../../../domain/json';
import { clusters } from './landscape';

/**
 * Companies from a register extract, keyed by CVR number. No personal data: a company's name,
 * registered municipality, employee band, industry code and advertising protection.
 */
export const companies = pgTable(
	'companies',
	{
		cvr: text('cvr').primaryKey(),
		name: text('name').notNull(),
		/** The name normalised for suggesting matches (see `domain/companies/names.ts`). */
		nameKey: text('name_key').notNull(),
		municipalityCode: text('municipality_code'),
		postalCode: text('postal_code'),
		employeeBand: text('employee_band'),
		industryCode: text('industry_code'),
		adProtected: boolean('ad_protected').notNull().default(false),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('companies_name_key_idx').on(t.nameKey)]
);

/** Production units (P-numbers) with their own municipality. */
export const productionUnits = pgTable(
	'production_units',
	{
		pnr: text('pnr').primaryKey(),
		cvr: text('cvr').notNull(),
		municipalityCode: text('municipality_code')
	},
	(t) => [index('production_units_cvr_idx').on(t.cvr)]
);

/** One uploaded file: a register extract, or a cluster's member or participant list for a year. */
export const companyImports = pgTable('company_imports', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	organisationId: organisationId(),
	kind: text('kind', { enum: companyImportKinds }).notNull(),
	clusterId: integer('cluster_id').references(() => clusters.id, { onDelete: 'cascade' }),
	year: integer('year'),
	filename: text('filename').notNull(),
	rowsRead: integer('rows_read').notNull(),
	rowsAccepted: integer('rows_accepted').notNull(),
	rowsForReview: integer('rows_for_review').notNull().default(0),
	/** The column each field was read from. */
	mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
	createdByLabel: text('created_by_label').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * A company in a cluster's member or participant list for a year. A new list for the same
 * cluster, year and kind replaces the old one.
 *
 * A fact table written a million rows at a time by COPY: it has no key of its own and no
 * foreign keys, because a per-row key and constraint check cost more than the write itself at
 * that size. Its rows are written only by their import, in the import's transaction, and
 * removed with it by `deleteListImports` (scope index below).
 */
export const companyListRows = pgTable(
	'company_list_rows',
	{
		organisationId: organisationColumn(),
		importId: integer('import_id').notNull(),
		clusterId: integer('cluster_id').notNull(),
		year: integer('year').notNull(),
		kind: text('kind', { enum: companyListKinds }).notNull(),
		cvr: text('cvr').notNull(),
		pnr: text('pnr'),
		activity: text('activity'),
		onDate: date('on_date')
	},
	(t) => [index('company_list_rows_scope_idx').on(t.clusterId, t.year, t.kind)]
);

/** Rows without a valid CVR number, with a suggested match for an analyst to confirm or reject. */
export const companyReviewRows = pgTable(
	'company_review_rows',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		importId: integer('import_id')
			.notNull()
			.references(() => companyImports.id, { onDelete: 'cascade' }),
		line: integer('line').notNull(),
		name: text('name').notNull(),
		municipalityCode: text('municipality_code'),
		givenCvr: text('given_cvr'),
		suggestedCvr: text('suggested_cvr'),
		status: text('status', { enum: ['open', 'confirmed', 'rejected'] })
			.notNull()
			.default('open'),
		decidedByLabel: text('decided_by_label')
	},
	(t) => [index('company_review_rows_import_idx').on(t.importId, t.status)]
);

/**
 * Computed company counts per region and years, kept until the next import or review decision
 * (which clear it in their own transaction), so reading the counts does not rescan a million
 * list rows.
 */
export const companyStatsCache = pgTable(
	'company_stats_cache',
	{
		regionCode: text('region_code').notNull(),
		organisationId: organisationId(),
		key: text('key').notNull(),
		data: jsonb('data').$type<JsonValue>().notNull(),
		computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.organisationId, t.regionCode, t.key] })]
);

/**
 * Where each company of each cluster's lists for a year counts: one row per company, cluster,
 * year and municipality, attributed by the participating production unit when the register knows
 * it, else by the registered address, with the region and size class beside it. Kept up to date
 * by every import in its own transaction (one cluster and year at a time for a list, everything
 * after a register extract), so the unique counts read this narrow table instead of joining a
 * million list rows with the register. Derived, like the list rows, so without foreign keys.
 */
export const companyPresence = pgTable(
	'company_presence',
	{
		organisationId: organisationColumn(),
		clusterId: integer('cluster_id').notNull(),
		year: integer('year').notNull(),
		cvr: text('cvr').notNull(),
		municipalityCode: text('municipality_code').notNull(),
		regionCode: text('region_code').notNull(),
		rule: text('rule', { enum: ['production-unit', 'company-address'] }).notNull(),
		sizeClass: text('size_class', { enum: ['lt50', 'ge50', 'unknown'] }).notNull()
	},
	// No key: the rows are grouped when written, and a four-column text key made writing a
	// national list's 200,000 presence rows slower than computing them.
	(t) => [
		index('company_presence_scope_idx').on(t.clusterId, t.year),
		index('company_presence_region_idx').on(t.regionCode, t.year)
	]
);
