/**
 * Unique companies in the cluster lists of a region: each query counts distinct CVR numbers
 * over the kept presence rows, attributed to a municipality by the participating production
 * unit when the register knows it, else by the company's registered address.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../client';
import { scopeSql } from '../../scope';
import { queryRows, sqlTimestamp } from '../../rows';

/** Years a count covers: one year, a span (a survey round's "since" years), or all (null). */
export type YearSpan = { from: number; to: number } | null;

/**
 * The lists' companies in the region (and years), one row per company, cluster and
 * municipality, from the kept attribution in `company_presence` (see `presence.ts`).
 */
function scoped(regionCode: string, years: YearSpan): SQL {
	return sql`select cvr, cluster_id, municipality_code, rule, size_class
		from company_presence p
		where p.organisation_id = ${scopeSql} and region_code = ${regionCode} ${years === null ? sql`` : sql`and year between ${years.from} and ${years.to}`}`;
}

export async function regionTotals(
	db: Db | Tx,
	regionCode: string,
	years: YearSpan
): Promise<{ unique: number; lt50: number; ge50: number; unknown: number }> {
	const [row] = await queryRows(
		db,
		sql`with s as (${scoped(regionCode, years)}),
			per_company as (select cvr, min(size_class) as size from s group by cvr)
		select count(*)::int as "unique",
			count(*) filter (where size = 'lt50')::int as "lt50",
			count(*) filter (where size = 'ge50')::int as "ge50",
			count(*) filter (where size = 'unknown')::int as "unknown"
		from per_company`,
		z.object({
			unique: z.number().int(),
			lt50: z.number().int(),
			ge50: z.number().int(),
			unknown: z.number().int()
		})
	);
	return row ?? { unique: 0, lt50: 0, ge50: 0, unknown: 0 };
}

export type FigureDimension = 'total' | 'size' | 'municipality' | 'cluster' | 'overlap' | 'rule';

/**
 * Every figure of a region in one statement, so the region's presence rows are read once:
 * rows of (dimension, key, n) — the unique total, companies per size class, per municipality,
 * per cluster (slug), per number of clusters (overlap) and per attribution rule.
 */
export async function regionFigures(
	db: Db | Tx,
	regionCode: string,
	years: YearSpan
): Promise<{ dimension: FigureDimension; key: string; n: number }[]> {
	return queryRows(
		db,
		// Distinct pairs by `group by` rather than `count(distinct …)`, which always sorts.
		sql`with s as materialized (${scoped(regionCode, years)}),
			per_cluster as (select cvr, cluster_id, min(size_class) as size from s group by cvr, cluster_id),
			per_company as (select cvr, min(size) as size, count(*) as k from per_cluster group by cvr)
		select 'total' as "dimension", '' as "key", count(*)::int as "n" from per_company
		union all select 'size', size, count(*)::int from per_company group by size
		union all select 'overlap', k::text, count(*)::int from per_company group by k
		union all select 'municipality', code, count(*)::int
			from (select municipality_code as code, cvr from s group by 1, 2) x group by code
		union all select 'cluster', k.slug, count(*)::int
			from per_cluster p join clusters k on k.id = p.cluster_id group by k.slug
		union all select 'rule', rule, count(*)::int
			from (select rule, cvr from s group by 1, 2) x group by rule`,
		z.object({
			dimension: z.enum(['total', 'size', 'municipality', 'cluster', 'overlap', 'rule']),
			key: z.string(),
			n: z.number().int()
		})
	);
}

/** The lists and register extracts behind the counts: how many, and the newest. */
export async function importsSummary(
	db: Db | Tx
): Promise<{ lists: number; registers: number; latest: string | null }> {
	const [row] = await queryRows(
		db,
		sql`select count(*) filter (where kind <> 'register')::int as "lists",
			count(*) filter (where kind = 'register')::int as "registers",
			max(created_at) as "latest"
		from company_imports i where i.organisation_id = ${scopeSql}`,
		z.object({
			lists: z.number().int(),
			registers: z.number().int(),
			latest: sqlTimestamp.nullable()
		})
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
		order by c.name nulls last, s.cvr`,
		z.object({
			cvr: z.string(),
			name: z.string().nullable(),
			municipalityCode: z.string(),
			employeeBand: z.string().nullable(),
			adProtected: z.boolean(),
			clusters: z.string()
		})
	);
}
