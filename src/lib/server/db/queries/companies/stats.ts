/**
 * Unique companies in the cluster lists of a region: each query counts distinct CVR numbers
 * over the lists' rows, attributed to a municipality by the participating production unit when
 * the register knows it, else by the company's registered address.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { queryRows } from '../../rows';

/** Years a count covers: one year, a span (a survey round's "since" years), or all (null). */
export type YearSpan = { from: number; to: number } | null;

/** The lists' companies in the region (and years), one row per company, cluster and municipality. */
function scoped(regionCode: string, years: YearSpan): SQL {
	return sql`select distinct r.cvr, r.cluster_id,
			coalesce(pu.municipality_code, c.municipality_code) as municipality_code,
			case when pu.municipality_code is not null then 'production-unit'
				when c.municipality_code is not null then 'company-address' else 'unknown' end as rule,
			c.employee_band
		from company_list_rows r
		left join production_units pu on pu.pnr = r.pnr
		left join companies c on c.cvr = r.cvr
		join municipalities m on m.code = coalesce(pu.municipality_code, c.municipality_code)
		where m.region_code = ${regionCode} ${years === null ? sql`` : sql`and r.year between ${years.from} and ${years.to}`}`;
}

const LARGE = sql`('50-99', '100-199', '200-499', '500-999', '1000+')`;

export async function regionTotals(
	db: Db | Tx,
	regionCode: string,
	years: YearSpan
): Promise<{ unique: number; lt50: number; ge50: number; unknown: number }> {
	const [row] = await queryRows<{ unique: number; lt50: number; ge50: number; unknown: number }>(
		db,
		sql`with s as (${scoped(regionCode, years)}),
			per_company as (select cvr, max(employee_band) as band from s group by cvr)
		select count(*)::int as "unique",
			count(*) filter (where band is not null and band not in ${LARGE})::int as "lt50",
			count(*) filter (where band in ${LARGE})::int as "ge50",
			count(*) filter (where band is null)::int as "unknown"
		from per_company`
	);
	return row ?? { unique: 0, lt50: 0, ge50: 0, unknown: 0 };
}

export async function uniqueByMunicipality(
	db: Db | Tx,
	regionCode: string,
	years: YearSpan
): Promise<{ code: string; n: number }[]> {
	return queryRows(
		db,
		sql`with s as (${scoped(regionCode, years)})
		select municipality_code as "code", count(distinct cvr)::int as "n"
		from s group by municipality_code order by municipality_code`
	);
}

export async function uniqueByCluster(
	db: Db | Tx,
	regionCode: string,
	years: YearSpan
): Promise<{ slug: string; n: number }[]> {
	return queryRows(
		db,
		sql`with s as (${scoped(regionCode, years)})
		select k.slug as "slug", count(distinct s.cvr)::int as "n"
		from s join clusters k on k.id = s.cluster_id group by k.slug order by k.slug`
	);
}

/** How many companies are in 1, 2, 3, … of the clusters' lists. */
export async function overlap(
	db: Db | Tx,
	regionCode: string,
	years: YearSpan
): Promise<{ clusters: number; companies: number }[]> {
	return queryRows(
		db,
		sql`with s as (${scoped(regionCode, years)}),
			per_company as (select cvr, count(distinct cluster_id) as k from s group by cvr)
		select k::int as "clusters", count(*)::int as "companies"
		from per_company group by k order by k`
	);
}

/** Companies counted by each attribution rule, so every count can show its rule. */
export async function byRule(
	db: Db | Tx,
	regionCode: string,
	years: YearSpan
): Promise<{ rule: string; n: number }[]> {
	return queryRows(
		db,
		sql`with s as (${scoped(regionCode, years)})
		select rule as "rule", count(distinct cvr)::int as "n" from s group by rule order by rule`
	);
}

/** The lists and register extracts behind the counts: how many, and the newest. */
export async function importsSummary(
	db: Db | Tx
): Promise<{ lists: number; registers: number; latest: string | null }> {
	const [row] = await queryRows<{ lists: number; registers: number; latest: string | Date | null }>(
		db,
		sql`select count(*) filter (where kind <> 'register')::int as "lists",
			count(*) filter (where kind = 'register')::int as "registers",
			max(created_at) as "latest"
		from company_imports`
	);
	return {
		lists: row?.lists ?? 0,
		registers: row?.registers ?? 0,
		latest: row?.latest ? new Date(row.latest).toISOString() : null
	};
}

/** The companies behind the counts, one row each, with the clusters whose lists hold them. */
export async function companiesInRegion(
	db: Db | Tx,
	regionCode: string,
	years: YearSpan
): Promise<
	{
		cvr: string;
		name: string | null;
		municipalityCode: string;
		employeeBand: string | null;
		adProtected: boolean;
		clusters: string;
	}[]
> {
	return queryRows(
		db,
		sql`with s as (${scoped(regionCode, years)})
		select s.cvr as "cvr", c.name as "name", min(s.municipality_code) as "municipalityCode",
			c.employee_band as "employeeBand", coalesce(c.ad_protected, false) as "adProtected",
			string_agg(distinct k.slug, ', ' order by k.slug) as "clusters"
		from s
		left join companies c on c.cvr = s.cvr
		join clusters k on k.id = s.cluster_id
		group by s.cvr, c.name, c.employee_band, c.ad_protected
		order by c.name nulls last, s.cvr`
	);
}
