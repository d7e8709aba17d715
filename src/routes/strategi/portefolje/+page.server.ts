import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { getPortfolio } from '$lib/server/services/collaboration';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, url }) => ({
	page: await runLoad(async () =>
		getPortfolio(locals.ctx, await strategyRegion(locals.ctx, url.searchParams.get('region')))
	)
});
