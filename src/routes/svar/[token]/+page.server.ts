import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
import { getRespondentForm, reopenOwnResponse } from '$lib/server/services/survey';

export const load: PageServerLoad = async ({ locals }) => ({
	form: await runLoad(() => getRespondentForm(locals.ctx))
});

export const actions: Actions = {
	reopen: async ({ request, locals, url }) => {
		const result = await runAction(await request.formData(), () => reopenOwnResponse(locals.ctx));
		if (result) return result;
		redirect(303, url.pathname);
	}
};
