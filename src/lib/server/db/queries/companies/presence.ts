/**
 * Maintenance of `company_presence`: the lists' companies attributed to a municipality, one row
 * per company, cluster, year and municipality. A list import refreshes its cluster and year; a
 * register extract (which can move companies and production units) rebuilds the whole table.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../client';
import { asOwner, scopeSql } from '../../scope';

const LARGE = sql`('50-99', '100-199', '200-499', '500-999', '1000+')`;

/**
 * The presence rows of the list rows `where` selects (a company counted once per place). The
 * rows are made distinct first (a company is on a list several times: one row per activity),
 * so only the distinct companies are joined with the register and grouped.
 */
function presenceOf(where: SQL): SQL {
	return sql`insert into company_presence
			(organisation_id, cluster_id, year, cvr, municipality_code, region_code, rule, size_class)
		select r.organisation_id, r.cluster_id, r.year, r.cvr, m.code, min(m.region_code),
			min(case when pu.municipality_code is not null then 'production-unit' else 'company-address' end),
			min(case when c.employee_band is null then 'unknown'
				when c.employee_band in ${LARGE} then 'ge50' else 'lt50' end)
		from (select distinct organisation_id, cluster_id, year, cvr, pnr
			from company_list_rows where ${where}) r
		left join production_units pu on pu.pnr = r.pnr
		left join companies c on c.cvr = r.cvr
		join municipalities m on m.code = coalesce(pu.municipality_code, c.municipality_code)
		group by r.organisation_id, r.cluster_id, r.year, r.cvr, m.code`;
}

/** After a list for a cluster and year was replaced (or a reviewed row added to it). */
export async function refreshPresence(
	tx: Tx,
	scope: { clusterId: number; year: number }
): Promise<void> {
	await tx.execute(
		sql`delete from company_presence p where p.organisation_id = ${scopeSql}
			and p.cluster_id = ${scope.clusterId} and p.year = ${scope.year}`
	);
	await analyseListRows(tx);
	await tx.execute(
		presenceOf(
			sql`organisation_id = ${scopeSql} and cluster_id = ${scope.clusterId} and year = ${scope.year}`
		)
	);
}

/**
 * Fresh planner statistics for the list rows: a million rows copied in this same transaction
 * are invisible to autovacuum's statistics, and the plan for the old row count (index lookups
 * row by row) is many times slower than the hash join a current estimate gives.
 */
async function analyseListRows(tx: Tx): Promise<void> {
	// Only the owner may analyse a table.
	await asOwner(tx, () => tx.execute(sql`analyze company_list_rows`));
	// Enough memory to group a million rows without spilling to disk; for this transaction only.
	await tx.execute(sql`set local work_mem = '64MB'`);
}

/**
 * After a register extract: every attribution may have changed, in every organisation's lists
 * (the register is shared). As the owner, since row-level security would limit the rebuild to
 * one organisation; each row keeps the organisation of its list.
 */
export async function rebuildPresence(tx: Tx): Promise<void> {
	await analyseListRows(tx);
	await asOwner(tx, async () => {
		await tx.execute(sql`delete from company_presence`);
		await tx.execute(presenceOf(sql`true`));
		await tx.execute(sql`analyze company_presence`);
	});
}
