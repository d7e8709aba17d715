import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
import { importSurvey, createRound, getSurveyOverview } from '$lib/server/services/survey';

export const load: PageServerLoad = async ({ locals }) => ({
	overview: await runLoad(() => getSurveyOverview(locals.ctx))
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				createRound(locals.ctx, {
					regionCode: String(form.get('regionCode') ?? ''),
					year: String(form.get('year') ?? ''),
					title: String(form.get('title') ?? ''),
					sinceYear: String(form.get('sinceYear') ?? ''),
					closesOn: String(form.get('closesOn') ?? ''),
					clusters: form.getAll('clusters').map(String)
				}),
			'create'
		);
		if (!('id' in result)) return result;
		redirect(303, `/undersoegelse/${result.id}`);
	},
	import: async ({ request, locals }) => {
		const form = await request.formData();
		const file = form.get('file');
		const result = await runAction(
			form,
			async () => importSurvey(locals.ctx, file instanceof File ? await file.text() : ''),
			'import'
		);
		if (!('roundId' in result)) return result;
		redirect(303, `/undersoegelse/${result.roundId}`);
	}
};
