import { apiHandler } from '$lib/server/api/handler';
import { getStrategy as spec } from '$lib/server/api/specs/strategy';
import { getStrategyJson } from '$lib/server/services/strategy';

export const GET = apiHandler(spec, ({ ctx, params }) => getStrategyJson(ctx, params.region));
