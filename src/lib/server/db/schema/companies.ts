import {
	bigint,
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

export const companyImportKinds = ['register', 'members', 'participants'] as const;

/** One uploaded file: a register extract, or a cluster's member or participant list for a year. */
export const companyImports = pgTable('company_imports', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	kind: text('kind', { enum: companyImportKinds }).notNull(),
	clusterId: integer('cluster_id').references(() => clusters.id, { onDelete: 'cascade' }),
	year: integer('year'),
	filename: text('filename').notNull(),
	rowsRead: integer('rows_read').notNull(),
	rowsAccepted: integer('rows_accepted').notNull(),
	rowsForReview: integer('rows_for_review').notNull().default(0),
	/** The column each field was read from. */
	mapping: jsonb('mapping').notNull(),
	createdByLabel: text('created_by_label').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * A company in a cluster's member or participant list for a year. A new list for the same
 * cluster, year and kind replaces the old one.
 */
export const companyListRows = pgTable(
	'company_list_rows',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		importId: integer('import_id')
			.notNull()
			.references(() => companyImports.id, { onDelete: 'cascade' }),
		clusterId: integer('cluster_id')
			.notNull()
			.references(() => clusters.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		kind: text('kind', { enum: ['members', 'participants'] }).notNull(),
		cvr: text('cvr').notNull(),
		pnr: text('pnr'),
		activity: text('activity'),
		onDate: date('on_date')
	},
	(t) => [
		index('company_list_rows_scope_idx').on(t.clusterId, t.year, t.kind),
		index('company_list_rows_cvr_idx').on(t.cvr)
	]
);

/** Rows without a valid CVR number, with a suggested match for an analyst to confirm or reject. */
export const companyReviewRows = pgTable(
	'company_review_rows',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
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
		key: text('key').notNull(),
		data: jsonb('data').notNull(),
		computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.regionCode, t.key] })]
);
