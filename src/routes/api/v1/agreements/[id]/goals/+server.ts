import { apiHandler } from '$lib/server/api/handler';
import { addGoal as spec } from '$lib/server/api/specs/agreements';
import { addGoal } from '$lib/server/services/agreements';

export const POST = apiHandler(spec, async ({ ctx, params, body }) => ({
	id: (await addGoal(ctx, params.id, body)).id
}));
