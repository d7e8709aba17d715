import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { setLocaleCookie } from '$lib/server/auth/locale-cookie';
import { safeRedirectTarget } from '$lib/server/redirects';
import { setUserLocale } from '$lib/server/services/users';

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = form.get('locale') === 'en' ? 'en' : 'da';
		setLocaleCookie(cookies, locale);
		if (locals.user) await setUserLocale(locals.ctx.db, locals.user.id, locale);
		// A full page load follows the redirect, so every string is rendered in the new language.
		redirect(303, safeRedirectTarget(form.get('redirectTo')));
	}
};
