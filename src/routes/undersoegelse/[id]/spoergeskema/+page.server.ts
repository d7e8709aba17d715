import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import { getRoundStatus, textsFromForm, updateQuestionnaire } from '$lib/server/services/survey';

export const load: PageServerLoad = async ({ locals, params }) => ({
	status: await runLoad(() => getRoundStatus(locals.ctx, Number(params.id)))
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(form, () =>
			updateQuestionnaire(locals.ctx, Number(params.id), textsFromForm(form))
		);
		return result.ok ? { savedVersion: result.value.version } : result.failure;
	}
};
