import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import { importSurvey, createRound, getSurveyOverview } from '$lib/server/services/survey';

export const load: PageServerLoad = async ({ locals }) => ({
	overview: await runLoad(() => getSurveyOverview(locals.ctx))
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() =>
				createRound(
					locals.ctx,
					formObject(form, ['regionCode', 'year', 'title', 'sinceYear', 'closesOn', 'clusters[]'])
				),
			'create'
		);
		if (!result.ok) return result.failure;
		redirect(303, `/undersoegelse/${result.value.id}`);
	},
	import: async ({ request, locals }) => {
		const form = await request.formData();
		const file = form.get('file');
		const result = await tryAction(
			form,
			async () => importSurvey(locals.ctx, file instanceof File ? await file.text() : ''),
			'import'
		);
		if (!result.ok) return result.failure;
		redirect(303, `/undersoegelse/${result.value.roundId}`);
	}
};
