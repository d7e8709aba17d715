/**
 * What organisations publish to the national view: one closed survey round's aggregate figures
 * each (`domain/national/figures.ts`), copied at the moment of publishing. Shared data: every
 * organisation reads it; only the publisher writes or withdraws its own rows.
 */
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { PublishedFigures } from '../../../domain/national/figures';
import { organisations } from './organisations';
import { surveyRounds } from './survey';

export const nationalPublications = pgTable('national_publications', {
	roundId: integer('round_id')
		.primaryKey()
		.references(() => surveyRounds.id, { onDelete: 'cascade' }),
	/** The organisation that published (not an owner column: the row is for everyone). */
	publisherId: integer('publisher_id')
		.notNull()
		.references(() => organisations.id),
	regionCode: text('region_code').notNull(),
	year: integer('year').notNull(),
	title: text('title').notNull(),
	figures: jsonb('figures').$type<PublishedFigures>().notNull(),
	publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
	publishedBy: text('published_by').notNull()
});
