import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import { clearFitOverride, getFitPage, setFitOverride } from '$lib/server/services/fit';
import { saveWeights, strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, url }) => ({
	page: await runLoad(async () =>
		getFitPage(
			locals.ctx,
			await strategyRegion(locals.ctx, url.searchParams.get('region')),
			Object.fromEntries(url.searchParams)
		)
	)
});

const region = (url: URL) => url.searchParams.get('region') ?? '';

export const actions: Actions = {
	override: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => setFitOverride(locals.ctx, region(url), formObject(form)),
			'override'
		);
		return result.ok ? { saved: 'override' } : result.failure;
	},
	clearOverride: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => clearFitOverride(locals.ctx, region(url), formObject(form, ['cluster', 'effort'])),
			'override'
		);
		return result.ok ? { saved: 'cleared' } : result.failure;
	},
	weights: async ({ request, locals, url }) => {
		const form = await request.formData();
		const { baseVersion = '', ...weights } = formObject(form);
		const result = await tryAction(
			form,
			() => saveWeights(locals.ctx, region(url), { ...weights, baseVersion }),
			'weights'
		);
		return result.ok ? { saved: 'weights' } : result.failure;
	}
};
