import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { setLocaleCookie } from '$lib/server/auth/locale-cookie';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { runAction } from '$lib/server/http';
import { safeRedirectTarget } from '$lib/server/redirects';
import { signIn } from '$lib/server/services/users';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return { redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo')) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const result = await runAction(form, () =>
			signIn(
				event.locals.ctx.db,
				{ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') },
				event.getClientAddress(),
				event.locals.locale
			)
		);
		if (!('token' in result)) return result;
		setSessionCookie(event, result.token, result.expiresAt);
		setLocaleCookie(event.cookies, result.user.locale);
		redirect(
			303,
			result.user.mustChangePassword ? '/konto' : safeRedirectTarget(form.get('redirectTo'))
		);
	}
};
