import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
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
		const result = await runAction(form, () => sendDueReminders(locals.ctx, url.origin));
		return 'sent' in result ? { reminded: result } : result;
	}
};
