import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/format';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime.js';

/** Paraglide reads the locale from this cookie (strategy: cookie, then Danish). */
export function setLocaleCookie(cookies: Cookies, locale: Locale): void {
	cookies.set(cookieName, locale, {
		path: '/',
		maxAge: cookieMaxAge,
		sameSite: 'lax',
		httpOnly: false,
		secure: false
	});
}
