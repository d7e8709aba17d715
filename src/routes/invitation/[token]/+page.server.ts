import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
import { acceptInvitation, findInvitation } from '$lib/server/services/users';

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = await runLoad(() => findInvitation(locals.ctx.db, params.token, locals.locale));
	return { email: user.email };
};

export const actions: Actions = {
	default: async ({ request, params, locals }) => {
		const form = await request.formData();
		const result = await runAction(form, () =>
			acceptInvitation(
				locals.ctx.db,
				params.token,
				{
					password: String(form.get('password') ?? ''),
					confirm: String(form.get('confirm') ?? '')
				},
				locals.locale
			)
		);
		return 'email' in result ? { done: true } : result;
	}
};
