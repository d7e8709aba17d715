/**
 * The follow-up dashboards' counts, computed in SQL: agreements per municipality, cluster and
 * effort of a region, and the committed budget per party and year.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../client';
import { queryRows, sqlNumeric } from '../../rows';
import { scopeSql } from '../../scope';

const GroupCountRow = z.object({
	key: z.string(),
	name: z.string(),
	agreements: z.number().int(),
	active: z.number().int(),
	agreementIds: z.array(z.number().int())
});
export type GroupCount = z.infer<typeof GroupCountRow>;

/** Every municipality of the region, with the agreements that cover it (not cancelled). */
export async function agreementsByMunicipality(
	db: Db | Tx,
	regionCode: string
): Promise<GroupCount[]> {
	return queryRows(
		db,
		sql`select m.code as "key", m.name,
			count(a.id)::int as "agreements",
			count(a.id) filter (where a.status = 'active')::int as "active",
			coalesce(array_agg(a.id order by a.id) filter (where a.id is not null), '{}') as "agreementIds"
		from municipalities m
		left join agreements a
			on a.organisation_id = ${scopeSql}
			and m.code = any(a.municipalities) and a.region_code = ${regionCode} and a.status <> 'cancelled'
		where m.region_code = ${regionCode}
		group by m.code, m.name
		order by m.name`,
		GroupCountRow
	);
}

/** Clusters with agreements in the region (not cancelled). */
export async function agreementsByCluster(db: Db | Tx, regionCode: string): Promise<GroupCount[]> {
	return queryRows(
		db,
		sql`select c.slug as "key", c.short_name as "name",
			count(a.id)::int as "agreements",
			count(a.id) filter (where a.status = 'active')::int as "active",
			array_agg(a.id order by a.id) as "agreementIds"
		from agreements a join clusters c on c.id = a.cluster_id
		where a.organisation_id = ${scopeSql}
			and a.region_code = ${regionCode} and a.status <> 'cancelled'
		group by c.slug, c.short_name
		order by c.short_name`,
		GroupCountRow
	);
}

/** Efforts served by agreements in the region (not cancelled); names come from the strategy. */
export async function agreementsByEffort(db: Db | Tx, regionCode: string): Promise<GroupCount[]> {
	return queryRows(
		db,
		sql`select e.effort as "key", e.effort as "name",
			count(a.id)::int as "agreements",
			count(a.id) filter (where a.status = 'active')::int as "active",
			array_agg(a.id order by a.id) as "agreementIds"
		from agreements a cross join lateral unnest(a.efforts) as e(effort)
		where a.organisation_id = ${scopeSql}
			and a.region_code = ${regionCode} and a.status <> 'cancelled'
		group by e.effort
		order by e.effort`,
		GroupCountRow
	);
}

export interface BudgetTotal {
	party: string;
	year: number;
	amountDkk: number;
	agreements: number;
}

/** Committed budget (active and ended agreements) per paying party and year. */
export async function budgetByPartyYear(db: Db | Tx, regionCode: string): Promise<BudgetTotal[]> {
	const rows = await queryRows(
		db,
		sql`select b.party, b.year, sum(b.amount_dkk) as "amountDkk", count(distinct a.id)::int as "agreements"
		from agreement_budget_lines b join agreements a on a.id = b.agreement_id
		where b.organisation_id = ${scopeSql} and a.organisation_id = ${scopeSql}
			and a.region_code = ${regionCode} and a.status in ('active', 'ended')
		group by b.party, b.year
		order by b.year, b.party`,
		z.object({
			party: z.string(),
			year: z.number().int(),
			amountDkk: sqlNumeric,
			agreements: z.number().int()
		})
	);
	// sum(bigint) is numeric: the drivers hand it over as a string.
	return rows.map((row) => ({ ...row, amountDkk: Number(row.amountDkk) }));
}
