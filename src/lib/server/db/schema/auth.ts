import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { staffRoles } from '../../../domain/access';
import { organisationId, organisations } from './organisations';

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull().unique(),
		name: text('name').notNull(),
		/** Creates organisations and their first admins; a role in no organisation by itself. */
		platformAdmin: boolean('platform_admin').notNull().default(false),
		/** The organisation the user acted in last: where the next sign-in lands. */
		lastOrganisationId: integer('last_organisation_id').references(() => organisations.id),
		/** argon2id PHC string; null until an invited user has chosen a password. */
		passwordHash: text('password_hash'),
		/** Set for generated one-time passwords: the user must choose a new one after signing in. */
		mustChangePassword: boolean('must_change_password').notNull().default(false),
		/** When a generated one-time password stops working (24 hours after it was made). */
		passwordExpiresAt: timestamp('password_expires_at', { withTimezone: true }),
		locale: text('locale', { enum: ['da', 'en'] })
			.notNull()
			.default('da'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		disabledAt: timestamp('disabled_at', { withTimezone: true })
	},
	(t) => [check('users_email_lower_check', sql`${t.email} = lower(${t.email})`)]
);

/** Browser sessions. The id is the SHA-256 of the cookie token, so a leaked table opens nothing. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The organisation the browser acts in: chosen at sign-in, switched in the header. */
		organisationId: organisationId(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Personal API tokens, stored as SHA-256 hashes; `prefix` lets people recognise a token. */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: organisationId(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		prefix: text('prefix').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('api_tokens_user_idx').on(t.userId)]
);

/** One-time links that let an invited user choose a password. */
export const userInvitations = pgTable(
	'user_invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: organisationId(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('user_invitations_user_idx').on(t.userId)]
);

/**
 * Who works in which organisation, and as what. A user's role is always the role in the
 * organisation in scope (`app_organisation()`): the queries of `queries/users` join on it, so a
 * user without a membership there cannot sign in to it.
 */
export const memberships = pgTable(
	'memberships',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.default(sql`app_organisation()`)
			.references(() => organisations.id),
		role: text('role', { enum: staffRoles }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.organisationId] }),
		check('memberships_role_check', sql`${t.role} in ('admin', 'analyst', 'viewer')`)
	]
);
