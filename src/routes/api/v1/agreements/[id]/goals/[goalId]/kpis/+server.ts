import { apiHandler } from '$lib/server/api/handler';
import { addKpi as spec } from '$lib/server/api/specs/agreements';
import { addKpi } from '$lib/server/services/agreements';

export const POST = apiHandler(spec, async ({ ctx, params, body }) => ({
	id: (await addKpi(ctx, params.id, params.goalId, body)).id
}));
