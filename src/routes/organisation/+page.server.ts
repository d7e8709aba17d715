import { error, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { safeRedirectTarget } from '$lib/server/redirects';
import { tryAction } from '$lib/server/http';
import { switchOrganisation } from '$lib/server/services/users';

export const actions: Actions = {
	/** The header's switcher: the browser's session moves to another organisation of the user. */
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const { user, sessionId, ctx } = locals;
		// An API token stays bound to its organisation; only a browser session switches.
		if (!user || !sessionId) error(404, { message: 'Not found' });
		const result = await tryAction(form, () =>
			switchOrganisation(
				ctx.db,
				{ sessionId, userId: user.id },
				String(form.get('organisation') ?? ''),
				ctx.locale
			)
		);
		// Not a member there: the same answer as for an organisation that does not exist.
		if (!result.ok) error(404, { message: result.failure.data.message });
		// The page of an id stays behind: its section opens in the new organisation.
		redirect(303, safeRedirectTarget(form.get('redirectTo')));
	}
};
