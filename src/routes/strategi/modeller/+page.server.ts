import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import { createModel, getCatalogue, modelFieldsFromForm } from '$lib/server/services/collaboration';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals }) => ({
	page: await runLoad(() => getCatalogue(locals.ctx)),
	region: await runLoad(() => strategyRegion(locals.ctx, null))
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => createModel(locals.ctx, modelFieldsFromForm(form)),
			'create'
		);
		if (result.ok) redirect(303, `/strategi/modeller/${result.value.code}`);
		return result.failure;
	}
};
