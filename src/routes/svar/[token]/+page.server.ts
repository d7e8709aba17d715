import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import { getRespondentForm, reopenOwnResponse } from '$lib/server/services/survey';

export const load: PageServerLoad = async ({ locals }) => ({
	form: await runLoad(() => getRespondentForm(locals.ctx))
});

export const actions: Actions = {
	reopen: async ({ request, locals, url }) => {
		const result = await tryAction(await request.formData(), () => reopenOwnResponse(locals.ctx));
		if (!result.ok) return result.failure;
		redirect(303, url.pathname);
	}
};
