import { apiHandler } from '$lib/server/api/handler';
import { listRecommendations as spec } from '$lib/server/api/specs/strategy';
import { getRecommendationsJson } from '$lib/server/services/collaboration';

export const GET = apiHandler(spec, ({ ctx, query }) => getRecommendationsJson(ctx, query.region));
