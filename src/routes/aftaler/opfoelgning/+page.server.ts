import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import { getFollowUp, sendDueReminders } from '$lib/server/services/agreements';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, url }) =>
	runLoad(async () => {
		const region = await strategyRegion(locals.ctx, url.searchParams.get('region'));
		return { region, page: await getFollowUp(locals.ctx, region) };
	});

export const actions: Actions = {
	remind: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await tryAction(form, () => sendDueReminders(locals.ctx, url.origin));
		return result.ok ? { reminded: result.value } : result.failure;
	}
};
