import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
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

const fields = (form: FormData) => Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
const region = (url: URL) => url.searchParams.get('region') ?? '';

export const actions: Actions = {
	override: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => setFitOverride(locals.ctx, region(url), fields(form)),
			'override'
		);
		return result ?? { saved: 'override' };
	},
	clearOverride: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				clearFitOverride(locals.ctx, region(url), {
					cluster: String(form.get('cluster') ?? ''),
					effort: String(form.get('effort') ?? '')
				}),
			'override'
		);
		return result ?? { saved: 'cleared' };
	},
	weights: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				saveWeights(locals.ctx, region(url), {
					...fields(form),
					baseVersion: String(form.get('baseVersion') ?? '')
				}),
			'weights'
		);
		return 'version' in result ? { saved: 'weights' } : result;
	}
};
