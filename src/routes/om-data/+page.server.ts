import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { getDataSources } from '$lib/server/services/landscape';

export const load: PageServerLoad = async ({ locals }) => ({
	sources: await runLoad(() => getDataSources(locals.ctx))
});
