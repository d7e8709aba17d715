import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/services/users';

export const load: PageServerLoad = async ({ locals }) => ({
	tokens: await runLoad(() => listApiTokens(locals.ctx))
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		const owner = String(form.get('userEmail') ?? '').trim();
		const days = String(form.get('expiresInDays') ?? '').trim();
		const result = await runAction(form, () =>
			createApiToken(locals.ctx, {
				name: String(form.get('name') ?? ''),
				userEmail: owner === '' ? undefined : owner,
				expiresInDays: days === '' ? undefined : days
			})
		);
		return 'token' in result
			? { created: { token: result.token, name: result.view.name } }
			: result;
	},
	revoke: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await runAction(form, () =>
			revokeApiToken(locals.ctx, String(form.get('id') ?? ''))
		);
		return result ?? { revoked: true };
	}
};
