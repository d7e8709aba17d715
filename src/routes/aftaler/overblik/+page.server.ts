import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { getDashboards } from '$lib/server/services/agreements';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, url }) => ({
	page: await runLoad(async () =>
		getDashboards(locals.ctx, await strategyRegion(locals.ctx, url.searchParams.get('region')))
	)
});
