import { apiHandler } from '$lib/server/api/handler';
import { listRegions } from '$lib/server/api/specs/landscape';
import { getRegions } from '$lib/server/services/landscape';

export const GET = apiHandler(listRegions, async ({ ctx }) => ({ regions: await getRegions(ctx) }));
