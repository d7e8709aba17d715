import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
import { getModel, modelFieldsFromForm, saveModel } from '$lib/server/services/collaboration';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, params }) => ({
	page: await runLoad(() => getModel(locals.ctx, params.code)),
	region: await runLoad(() => strategyRegion(locals.ctx, null))
});

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => saveModel(locals.ctx, params.code, modelFieldsFromForm(form)),
			'model'
		);
		return 'code' in result ? { saved: 'model' } : result;
	}
};
