import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import { acceptInvitation, findInvitation } from '$lib/server/services/users';

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = await runLoad(() => findInvitation(locals.ctx.db, params.token, locals.locale));
	return { email: user.email };
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const form = await request.formData();
		const result = await tryAction(form, () =>
			acceptInvitation(
				locals.ctx.db,
				params.token,
				formObject(form, ['password', 'confirm']),
				locals.locale
			)
		);
		return result.ok ? { done: true } : result.failure;
	}
};
