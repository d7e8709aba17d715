import { z } from 'zod';
import { actorLabel } from '$lib/domain/access';
import { JsonSchema, type JsonValue } from '$lib/domain/json';
import type { Db, Tx } from '../db/client';
import {
	countAudit,
	listAudit,
	listAuditedEntities,
	insertAudit,
	type AuditRow
} from '../db/queries/audit/audit-log';
import type { Ctx } from './context';
import type { auditActions } from '../db/schema/audit';

export type AuditAction = (typeof auditActions)[number];
import { parseInput } from '../validation';

export interface AuditEntry {
	entity: string;
	entityId: string | number;
	action: AuditAction;
	before?: unknown;
	after?: unknown;
}

/** A value as the jsonb column gives it back: dates as ISO strings, undefined fields left out. */
function asJson(value: unknown): JsonValue {
	return value === undefined ? null : JsonSchema.parse(JSON.parse(JSON.stringify(value)));
}

/**
 * Writes one audit row in the caller's transaction, so the change and its record commit or roll
 * back together. Values are stored as JSON; `undefined` becomes null.
 */
export async function recordAudit(
	tx: Db | Tx,
	ctx: Pick<Ctx, 'actor'>,
	entry: AuditEntry
): Promise<void> {
	await insertAudit(tx, {
		actorUserId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
		actorLabel: actorLabel(ctx.actor),
		entity: entry.entity,
		entityId: String(entry.entityId),
		action: entry.action,
		before: asJson(entry.before),
		after: asJson(entry.after)
	});
}

export const AuditQuerySchema = z.object({
	entity: z.string().trim().max(100).optional(),
	entityId: z.string().trim().max(200).optional(),
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
	entries: AuditRow[];
	total: number;
	page: number;
	pageSize: number;
	entities: string[];
	filter: { entity?: string; entityId?: string };
}

export async function listAuditEntries(ctx: Ctx, query: AuditQuery): Promise<AuditPage> {
	const q = parseInput(AuditQuerySchema, query, ctx.locale);
	const filter = {
		entity: q.entity || undefined,
		entityId: q.entityId || undefined,
		limit: AUDIT_PAGE_SIZE,
		offset: (q.page - 1) * AUDIT_PAGE_SIZE
	};
	const [entries, total, entities] = await Promise.all([
		listAudit(ctx.db, filter),
		countAudit(ctx.db, filter),
		listAuditedEntities(ctx.db)
	]);
	return {
		entries,
		total,
		page: q.page,
		pageSize: AUDIT_PAGE_SIZE,
		entities,
		filter: { entity: filter.entity, entityId: filter.entityId }
	};
}
