import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { getLandscape } from '$lib/server/services/landscape';

export const load: PageServerLoad = async ({ locals, url }) => ({
	landscape: await runLoad(() => getLandscape(locals.ctx, Object.fromEntries(url.searchParams)))
});
