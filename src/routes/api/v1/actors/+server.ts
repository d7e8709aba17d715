import { apiHandler } from '$lib/server/api/handler';
import { listActors } from '$lib/server/api/specs/landscape';
import { getActors } from '$lib/server/services/landscape';

export const GET = apiHandler(listActors, async ({ ctx, query }) => ({
	actors: await getActors(ctx, query)
}));
