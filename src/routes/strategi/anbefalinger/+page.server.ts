import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
import { decideRecommendation, getRecommendations } from '$lib/server/services/collaboration';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, url }) => ({
	page: await runLoad(async () =>
		getRecommendations(locals.ctx, await strategyRegion(locals.ctx, url.searchParams.get('region')))
	)
});

export const actions: Actions = {
	decide: async ({ request, locals, url }) => {
		const form = await request.formData();
		const cluster = String(form.get('cluster') ?? '');
		const result = await runAction(
			form,
			() =>
				decideRecommendation(locals.ctx, url.searchParams.get('region') ?? '', {
					cluster,
					decision: String(form.get('decision') ?? ''),
					chosenModel: String(form.get('chosenModel') ?? '') || undefined,
					note: String(form.get('note') ?? ''),
					checklistMet: form.getAll('checklistMet').map(String)
				}),
			`decide-${cluster}`
		);
		return 'id' in result ? { saved: `decide-${cluster}` } : result;
	}
};
