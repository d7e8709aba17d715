/**
 * The organisations themselves (a platform table: no organisation scope). Read before a scope
 * exists, to find the organisation a session, token or link names.
 */
import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { StaffRole } from '../../../../domain/access';
import type { OrganisationRef } from '../../../../domain/organisations';
import type { Db, Tx } from '../../client';
import { memberships, organisations, users } from '../../schema';

const refColumns = {
	id: organisations.id,
	code: organisations.code,
	name: organisations.name,
	kind: organisations.kind,
	regionCode: organisations.regionCode,
	settings: organisations.settings
};

export async function findOrganisation(
	db: Db | Tx,
	id: number
): Promise<OrganisationRef | undefined> {
	const [row] = await db.select(refColumns).from(organisations).where(eq(organisations.id, id));
	return row;
}

export async function findOrganisationByCode(
	db: Db | Tx,
	code: string
): Promise<OrganisationRef | undefined> {
	const [row] = await db.select(refColumns).from(organisations).where(eq(organisations.code, code));
	return row;
}

/** The organisations that are not archived, by name. */
export async function listOpenOrganisations(db: Db | Tx): Promise<OrganisationRef[]> {
	return db
		.select(refColumns)
		.from(organisations)
		.where(isNull(organisations.archivedAt))
		.orderBy(asc(organisations.name));
}

/** The installation's only organisation, or null when it has several. */
export async function onlyOrganisation(db: Db | Tx): Promise<number | null> {
	const rows = await db.select({ id: organisations.id }).from(organisations).limit(2);
	return rows.length === 1 && rows[0] ? rows[0].id : null;
}

export interface OrganisationListRow extends OrganisationRef {
	archivedAt: Date | null;
	members: number;
	admins: number;
}

/** Every organisation with its number of members and active admins, by name. */
export async function listOrganisationsWithCounts(db: Db | Tx): Promise<OrganisationListRow[]> {
	return db
		.select({
			...refColumns,
			archivedAt: organisations.archivedAt,
			members: sql<number>`count(${memberships.userId})::int`,
			admins: sql<number>`(count(${memberships.userId}) filter (where ${memberships.role} = 'admin' and ${users.disabledAt} is null))::int`
		})
		.from(organisations)
		.leftJoin(memberships, eq(memberships.organisationId, organisations.id))
		.leftJoin(users, eq(users.id, memberships.userId))
		.groupBy(organisations.id)
		.orderBy(asc(organisations.name));
}

/** An organisation whose code or name (any case) is taken, other than `exceptId`. */
export async function findClash(
	db: Db | Tx,
	candidate: { code?: string; name?: string },
	exceptId?: number
): Promise<{ code: boolean; name: boolean }> {
	const rows = await db
		.select({ code: organisations.code, name: organisations.name })
		.from(organisations)
		.where(
			and(
				or(
					candidate.code ? eq(organisations.code, candidate.code) : undefined,
					candidate.name ? sql`lower(${organisations.name}) = lower(${candidate.name})` : undefined
				),
				exceptId === undefined ? undefined : ne(organisations.id, exceptId)
			)
		);
	return {
		code: rows.some((row) => row.code === candidate.code),
		name: rows.some((row) => row.name.toLowerCase() === candidate.name?.toLowerCase())
	};
}

export async function insertOrganisation(
	db: Db | Tx,
	values: Pick<typeof organisations.$inferInsert, 'code' | 'name' | 'kind' | 'regionCode'>
): Promise<OrganisationRef> {
	const [row] = await db.insert(organisations).values(values).returning(refColumns);
	if (!row) throw new Error('insert into organisations returned no row');
	return row;
}

export async function updateOrganisation(
	db: Db | Tx,
	id: number,
	changes: Partial<Pick<typeof organisations.$inferInsert, 'name' | 'settings' | 'archivedAt'>>
): Promise<OrganisationRef | undefined> {
	const [row] = await db
		.update(organisations)
		.set(changes)
		.where(eq(organisations.id, id))
		.returning(refColumns);
	return row;
}

/** Adds a user to an organisation with a role; a membership there already keeps its role. */
export async function insertMembership(
	db: Db | Tx,
	membership: { userId: string; organisationId: number; role: StaffRole }
): Promise<boolean> {
	const rows = await db
		.insert(memberships)
		.values(membership)
		.onConflictDoNothing()
		.returning({ userId: memberships.userId });
	return rows.length > 0;
}

/**
 * Who gets the reference data's example strategy for a region: the installation's only
 * organisation (whatever its region, as before organisations), else the open regional bodies
 * of that region.
 */
export async function exampleStrategyOwners(db: Db | Tx, regionCode: string): Promise<number[]> {
	const only = await onlyOrganisation(db);
	if (only !== null) return [only];
	const rows = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(
			and(
				eq(organisations.kind, 'regional'),
				eq(organisations.regionCode, regionCode),
				isNull(organisations.archivedAt)
			)
		);
	return rows.map((row) => row.id);
}
