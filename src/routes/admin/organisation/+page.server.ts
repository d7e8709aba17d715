import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import { ownOrganisation, updateOwnSettings } from '$lib/server/services/organisations';

export const load: PageServerLoad = async ({ locals }) => ({
	organisation: await runLoad(() => ownOrganisation(locals.ctx))
});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const input = formObject(form, ['deckOrganisation', 'mailFrom', 'locale']);
		const result = await tryAction(form, () =>
			updateOwnSettings(locals.ctx, input as Parameters<typeof updateOwnSettings>[1])
		);
		return result.ok ? { saved: true } : result.failure;
	}
};
