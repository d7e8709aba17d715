import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import {
	agreementInputFromForm,
	getAgreement,
	updateAgreement
} from '$lib/server/services/agreements';

export const load: PageServerLoad = async ({ locals, params }) => ({
	detail: await runLoad(() => getAgreement(locals.ctx, Number(params.id)))
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(form, () =>
			updateAgreement(locals.ctx, Number(params.id), agreementInputFromForm(form))
		);
		if (result.ok) redirect(303, `/aftaler/${params.id}?gemt=1`);
		return result.failure;
	}
};
