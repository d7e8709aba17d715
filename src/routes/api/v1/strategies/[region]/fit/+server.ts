import { apiHandler } from '$lib/server/api/handler';
import { getFit as spec } from '$lib/server/api/specs/strategy';
import { getFitJson } from '$lib/server/services/fit';

export const GET = apiHandler(spec, ({ ctx, params }) => getFitJson(ctx, params.region));
