import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { listAgreementItems } from '$lib/server/services/agreements';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, url }) =>
	runLoad(async () => {
		const region = await strategyRegion(locals.ctx, url.searchParams.get('region'));
		const status = url.searchParams.get('status') || undefined;
		return {
			region,
			status: status ?? '',
			agreements: await listAgreementItems(locals.ctx, {
				region,
				status: status as never,
				cluster: url.searchParams.get('cluster') || undefined
			})
		};
	});
