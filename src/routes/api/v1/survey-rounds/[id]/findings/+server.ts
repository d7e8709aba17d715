import { apiHandler } from '$lib/server/api/handler';
import { getFindings as spec } from '$lib/server/api/specs/survey';
import { getFindings } from '$lib/server/services/findings';

export const GET = apiHandler(spec, ({ ctx, params }) => getFindings(ctx, params.id));
