/**
 * The register's figures for other features (fit scores, automatic KPIs): which lists a cluster
 * has per year, and a cluster's unique companies in a set of municipalities. Companies are placed
 * as in `stats.ts`, from the kept presence rows: by the participating production unit's
 * municipality when the register knows it, else by the company's registered address.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { companyListKinds } from '$lib/domain/companies/kinds';
import type { Db, Tx } from '../../client';
import { scopeSql } from '../../scope';
import { queryRows, sqlTimestamp } from '../../rows';

export interface ClusterListYear {
	clusterId: number;
	slug: string;
	year: number;
	lists: { kind: 'members' | 'participants'; filename: string }[];
	/** When the newest of the year's lists was imported. */
	latest: string;
}

/** The member and participant lists per cluster and year (all clusters when `clusterIds` is null). */
export async function listsByClusterYear(
	db: Db | Tx,
	clusterIds: number[] | null
): Promise<ClusterListYear[]> {
	const rows = await queryRows(
		db,
		sql`select i.cluster_id as "clusterId", k.slug as "slug", i.year as "year",
			json_agg(json_build_object('kind', i.kind, 'filename', i.filename)
				order by i.kind, i.filename) as "lists",
			max(i.created_at) as "latest"
		from company_imports i
		join clusters k on k.id = i.cluster_id
		where i.organisation_id = ${scopeSql} and i.kind <> 'register' and i.year is not null
			${clusterIds === null ? sql`` : sql`and i.cluster_id = any(${sql.param(clusterIds)}::int[])`}
		group by i.cluster_id, k.slug, i.year
		order by k.slug, i.year`,
		z.object({
			clusterId: z.number().int(),
			slug: z.string(),
			year: z.number().int(),
			lists: z.array(z.object({ kind: z.enum(companyListKinds), filename: z.string() })),
			latest: sqlTimestamp
		})
	);
	return rows.map((r) => ({ ...r, latest: new Date(r.latest).toISOString() }));
}

/** One cluster's unique companies (by CVR) in the given municipalities, per year of its lists. */
export async function uniqueInMunicipalitiesByYear(
	db: Db | Tx,
	clusterId: number,
	municipalityCodes: string[]
): Promise<{ year: number; n: number }[]> {
	return queryRows(
		db,
		sql`select year as "year", count(distinct cvr)::int as "n"
		from company_presence p
		where p.organisation_id = ${scopeSql} and cluster_id = ${clusterId}
			and municipality_code = any(${sql.param(municipalityCodes)}::text[])
		group by year
		order by year`,
		z.object({ year: z.number().int(), n: z.number().int() })
	);
}
