import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import { getModel, modelFieldsFromForm, saveModel } from '$lib/server/services/collaboration';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, params }) => ({
	page: await runLoad(() => getModel(locals.ctx, params.code)),
	region: await runLoad(() => strategyRegion(locals.ctx, null))
});

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => saveModel(locals.ctx, params.code, modelFieldsFromForm(form)),
			'model'
		);
		return result.ok ? { saved: 'model' } : result.failure;
	}
};
