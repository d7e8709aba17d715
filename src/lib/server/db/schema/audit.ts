import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisationId } from './organisations';
import type { JsonValue } from '../../../domain/json';
import { users } from './auth';

/** Changes of domain data, and the sign-in events a security review asks for. */
export const auditActions = [
	'create',
	'update',
	'delete',
	'sign_in',
	'sign_in_failed',
	'password_change'
] as const;

/**
 * Every create, update and delete of domain data: who, when, which entity, before and after;
 * and every sign-in, failed sign-in and password change. Rows are only ever inserted.
 */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		organisationId: organisationId(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
		/** Who acted, readable even after the user is deleted: an e-mail, `cli`, `seed`, `respondent:<cluster>`. */
		actorLabel: text('actor_label').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		action: text('action', { enum: auditActions }).notNull(),
		before: jsonb('before').$type<JsonValue>(),
		after: jsonb('after').$type<JsonValue>()
	},
	(t) => [
		index('audit_log_entity_idx').on(t.entity, t.entityId),
		index('audit_log_at_idx').on(t.at),
		check(
			'audit_log_action_check',
			sql`${t.action} in ('create', 'update', 'delete', 'sign_in', 'sign_in_failed', 'password_change')`
		)
	]
);
