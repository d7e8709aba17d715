import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import { listOutbox, markMessageHandled } from '$lib/server/services/mail';

export const load: PageServerLoad = async ({ locals }) => ({
	messages: await runLoad(() => listOutbox(locals.ctx))
});

export const actions: Actions = {
	handled: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await tryAction(form, () =>
			markMessageHandled(locals.ctx, Number(form.get('id')))
		);
		return result.ok ? { saved: true } : result.failure;
	}
};
