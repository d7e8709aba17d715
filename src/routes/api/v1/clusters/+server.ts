import { landscapeJson } from '$lib/domain/landscape/json';
import { apiHandler } from '$lib/server/api/handler';
import { listClusters } from '$lib/server/api/specs/landscape';
import { getLandscape } from '$lib/server/services/landscape';

export const GET = apiHandler(listClusters, async ({ ctx, query }) =>
	landscapeJson(await getLandscape(ctx, query))
);
