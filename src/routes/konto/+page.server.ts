import type { Actions, PageServerLoad } from './$types';
import { formObject, tryAction } from '$lib/server/http';
import { changeOwnPassword } from '$lib/server/services/users';

export const load: PageServerLoad = ({ locals }) => ({
	mustChangePassword: locals.user?.mustChangePassword ?? false
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await tryAction(form, () =>
			changeOwnPassword(
				locals.ctx,
				formObject(form, ['current', 'password', 'confirm']),
				locals.sessionId ?? ''
			)
		);
		return result.ok ? { changed: true } : result.failure;
	}
};
