import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { getLandscapeMap } from '$lib/server/services/landscape';

export const load: PageServerLoad = async ({ locals, url }) => ({
	map: await runLoad(() => getLandscapeMap(locals.ctx, Object.fromEntries(url.searchParams)))
});
