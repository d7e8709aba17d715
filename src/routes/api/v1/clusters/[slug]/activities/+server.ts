import { apiHandler } from '$lib/server/api/handler';
import { putActivities } from '$lib/server/api/specs/landscape';
import { setActivities } from '$lib/server/services/landscape';

export const PUT = apiHandler(putActivities, async ({ ctx, params, body }) => ({
	activities: await setActivities(ctx, params.slug, body)
}));
