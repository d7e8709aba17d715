/** The "Om data" page: attributions and every source behind the reference data, from the database. */
import type { Ctx } from '../context';
import { loadClusters } from './load';
import { getActors } from './reference';

export interface DataSourcesView {
	clusters: { slug: string; name: string; sources: string[] }[];
	actors: { name: string; source: string }[];
}

export async function getDataSources(ctx: Ctx): Promise<DataSourcesView> {
	const [clusters, actors] = await Promise.all([
		loadClusters(ctx.db),
		getActors(ctx, { region: '1081' })
	]);
	return {
		clusters: clusters.map((c) => ({ slug: c.slug, name: c.name, sources: c.sources })),
		actors: actors.filter((a) => a.source).map((a) => ({ name: a.name, source: a.source ?? '' }))
	};
}
