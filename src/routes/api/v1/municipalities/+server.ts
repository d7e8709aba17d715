import { apiHandler } from '$lib/server/api/handler';
import { listMunicipalities } from '$lib/server/api/specs/landscape';
import { getMunicipalities } from '$lib/server/services/landscape';

export const GET = apiHandler(listMunicipalities, async ({ ctx, query }) => ({
	municipalities: await getMunicipalities(ctx, query)
}));
