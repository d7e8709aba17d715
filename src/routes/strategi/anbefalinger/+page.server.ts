import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
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
		const decision = formObject(form, [
			'cluster',
			'decision',
			'chosenModel',
			'note',
			'checklistMet[]'
		]);
		const formId = `decide-${decision.cluster}`;
		const result = await tryAction(
			form,
			() =>
				decideRecommendation(locals.ctx, url.searchParams.get('region') ?? '', {
					...decision,
					chosenModel: decision.chosenModel || undefined
				}),
			formId
		);
		return result.ok ? { saved: formId } : result.failure;
	}
};
