import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
import { listOutbox, markMessageHandled } from '$lib/server/services/mail';

export const load: PageServerLoad = async ({ locals }) => ({
	messages: await runLoad(() => listOutbox(locals.ctx))
});

export const actions: Actions = {
	handled: async ({ request, locals }) => {
		const form = await request.formData();
		return (
			(await runAction(form, () => markMessageHandled(locals.ctx, Number(form.get('id'))))) ?? {
				saved: true
			}
		);
	}
};
