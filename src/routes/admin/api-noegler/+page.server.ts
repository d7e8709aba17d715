import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/services/users';

export const load: PageServerLoad = async ({ locals }) => ({
	tokens: await runLoad(() => listApiTokens(locals.ctx))
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const { name, userEmail, expiresInDays } = formObject(form, [
			'name',
			'userEmail',
			'expiresInDays'
		]);
		const result = await tryAction(form, () =>
			createApiToken(locals.ctx, {
				name,
				userEmail: userEmail.trim() || undefined,
				expiresInDays: expiresInDays.trim() || undefined
			})
		);
		return result.ok
			? { created: { token: result.value.token, name: result.value.view.name } }
			: result.failure;
	},
	revoke: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await tryAction(form, () =>
			revokeApiToken(locals.ctx, formObject(form, ['id']).id)
		);
		return result.ok ? { revoked: true } : result.failure;
	}
};
