import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { setLocaleCookie } from '$lib/server/auth/locale-cookie';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { formObject, tryAction } from '$lib/server/http';
import { safeRedirectTarget } from '$lib/server/redirects';
import { signIn } from '$lib/server/services/users';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return { redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo')) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const result = await tryAction(form, () =>
			signIn(
				event.locals.ctx.db,
				formObject(form, ['email', 'password']),
				event.getClientAddress(),
				event.locals.locale
			)
		);
		if (!result.ok) return result.failure;
		const { token, expiresAt, user } = result.value;
		setSessionCookie(event, token, expiresAt);
		setLocaleCookie(event.cookies, user.locale);
		redirect(303, user.mustChangePassword ? '/konto' : safeRedirectTarget(form.get('redirectTo')));
	}
};
