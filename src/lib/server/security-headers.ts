import type { Handle } from '@sveltejs/kit';

/**
 * Headers every response carries, whoever draws it: SvelteKit's pages and endpoints (through
 * `securityHeaders`), and the Node server in front of it (`klyngeradar serve`), which also covers
 * the static error page SvelteKit draws when the access check refuses a request, and the files in
 * `static/`. Pages get their own Content-Security-Policy with nonces from `kit.csp` in
 * svelte.config.js; the policy here is the strict fallback for everything else (JSON, files, the
 * static error page, whose only inline code is its stylesheet).
 */
export const FALLBACK_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** HSTS tells browsers to use HTTPS only; sent only when the app is reached over HTTPS. */
const HSTS = 'max-age=31536000; includeSubDomains';

export function baselineHeaders(https: boolean): Record<string, string> {
	return {
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		// Survey links carry their secret in the path: never send it to another site.
		'referrer-policy': 'same-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
		'cross-origin-opener-policy': 'same-origin',
		...(https ? { 'strict-transport-security': HSTS } : {})
	};
}

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const wanted = {
		...baselineHeaders(event.url.protocol === 'https:'),
		...(response.headers.has('content-security-policy')
			? {}
			: { 'content-security-policy': FALLBACK_CSP })
	};
	try {
		for (const [name, value] of Object.entries(wanted)) response.headers.set(name, value);
		return response;
	} catch {
		// A response passed through from `fetch` has immutable headers: copy it.
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(wanted)) copy.headers.set(name, value);
		return copy;
	}
};
