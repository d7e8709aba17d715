import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { JsonValue } from '../../../domain/json';

/**
 * Where a row came from: loaded from `data/reference/` ('reference') or made in the app ('user').
 * A reference row that a user edits is marked `edited`, and re-seeding leaves it alone.
 */
export const origins = ['reference', 'user'] as const;

export const regions = pgTable('regions', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	origin: text('origin', { enum: origins }).notNull().default('reference')
});

export const municipalities = pgTable(
	'municipalities',
	{
		code: text('code').primaryKey(),
		name: text('name').notNull(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		origin: text('origin', { enum: origins }).notNull().default('reference')
	},
	(t) => [index('municipalities_region_idx').on(t.regionCode)]
);

/** Regional business-promotion and knowledge actors: survey answer options and agreement parties. */
export const actors = pgTable(
	'actors',
	{
		slug: text('slug').primaryKey(),
		name: text('name').notNull(),
		kind: text('kind').notNull(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		municipalityCode: text('municipality_code').references(() => municipalities.code),
		note: text('note'),
		source: text('source'),
		/** Which survey questions list the actor: presence-co-location, partners, agreement-parties. */
		surveyRoles: text('survey_roles')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		origin: text('origin', { enum: origins }).notNull().default('reference'),
		edited: boolean('edited').notNull().default(false)
	},
	(t) => [index('actors_region_idx').on(t.regionCode)]
);

/**
 * Read-only reference documents (taxonomy, programme history, core narrative, …) kept whole as
 * JSON, so pages are driven by data and backups carry everything.
 */
export const referenceDocuments = pgTable(
	'reference_documents',
	{
		key: text('key').primaryKey(),
		content: jsonb('content').$type<JsonValue>().notNull(),
		sha256: text('sha256').notNull(),
		loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('reference_documents_key_check', sql`${t.key} <> ''`)]
);
