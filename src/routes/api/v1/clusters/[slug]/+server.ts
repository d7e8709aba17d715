import { clusterJson } from '$lib/domain/landscape/json';
import { apiHandler } from '$lib/server/api/handler';
import { getCluster, patchCluster } from '$lib/server/api/specs/landscape';
import { getClusterProfile, updateCluster } from '$lib/server/services/landscape';

export const GET = apiHandler(getCluster, async ({ ctx, params }) =>
	clusterJson((await getClusterProfile(ctx, params.slug)).summary, { history: true })
);

export const PATCH = apiHandler(patchCluster, async ({ ctx, params, body }) => {
	await updateCluster(ctx, params.slug, body);
	return clusterJson((await getClusterProfile(ctx, params.slug)).summary, { history: true });
});
