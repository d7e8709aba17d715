/**
 * The organisations that share an installation: the regional business-promotion bodies, the
 * national level, and the clusters' own organisations. Every owned table (see
 * `db/ownership.ts`) carries `organisation_id`; its default, `app_organisation()`, is the
 * transaction's `app.organisation_id` setting, or the installation's only organisation, and
 * refuses the write when there are several and none is in scope.
 */
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { OrganisationSettings } from '../../../domain/organisations';
import { organisationKinds } from '../../../domain/organisations';

export const organisations = pgTable(
	'organisations',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		/** Short and stable, for URLs and the CLI: `brn`. */
		code: text('code').notNull().unique(),
		name: text('name').notNull(),
		kind: text('kind', { enum: organisationKinds }).notNull(),
		/** The region a regional body works for. */
		regionCode: text('region_code'),
		settings: jsonb('settings').$type<OrganisationSettings>().notNull().default({}),
		/** An archived organisation keeps its data; its users can no longer sign in to it. */
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('organisations_code_check', sql`${t.code} ~ '^[a-z0-9][a-z0-9-]{1,39}$'`),
		check(
			'organisations_region_check',
			sql`(${t.kind} = 'regional') = (${t.regionCode} is not null) and (${t.regionCode} is null or ${t.regionCode} ~ '^108[1-5]$')`
		)
	]
);

/**
 * The column every owned table has. The default keeps a one-organisation installation working
 * as before: its rows belong to its only organisation without anyone naming it.
 */
export const organisationId = () => organisationColumn().references(() => organisations.id);

/**
 * The same column without its foreign key, for the company register's fact tables: a national
 * list is a million rows by COPY, and a key check per row is the cost the tables were built
 * without. Their writers name the organisation in every row (so the default is not evaluated
 * per row), and row-level security holds them like every owned table.
 */
export const organisationColumn = () =>
	integer('organisation_id')
		.notNull()
		.default(sql`app_organisation()`);
