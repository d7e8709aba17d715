import type { RequestEvent } from '@sveltejs/kit';

export const SESSION_COOKIE = 'kr_session';

/**
 * The session cookie: HTTP-only, SameSite=Lax (form posts from other sites carry no session, and
 * SvelteKit's origin check refuses them too), Secure whenever the site is served over HTTPS.
 */
export function setSessionCookie(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	token: string,
	expiresAt: Date
): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt
	});
}

export function clearSessionCookie(event: Pick<RequestEvent, 'cookies' | 'url'>): void {
	event.cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:'
	});
}
