import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { SESSION_COOKIE, clearSessionCookie } from '$lib/server/auth/cookies';
import { signOut } from '$lib/server/services/users';

export const actions: Actions = {
	default: async (event) => {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) await signOut(event.locals.ctx.db, token);
		clearSessionCookie(event);
		redirect(303, '/login');
	}
};
