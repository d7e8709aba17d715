import type { Actions, PageServerLoad } from './$types';
import { runAction } from '$lib/server/http';
import { changeOwnPassword } from '$lib/server/services/users';

export const load: PageServerLoad = ({ locals }) => ({
	mustChangePassword: locals.user?.mustChangePassword ?? false
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await runAction(form, () =>
			changeOwnPassword(
				locals.ctx,
				{
					current: String(form.get('current') ?? ''),
					password: String(form.get('password') ?? ''),
					confirm: String(form.get('confirm') ?? '')
				},
				locals.sessionId ?? ''
			)
		);
		return result ?? { changed: true };
	}
};
