import type { Reroute } from '@sveltejs/kit';

/**
 * `/api/v1/openapi.json` is served by the route `/api/v1/openapi`: a route folder whose name ends
 * in `.json` is mis-bundled by the production build (the manifest points at a chunk name that is
 * never written), so the public URL is mapped here instead.
 */
export const reroute: Reroute = ({ url }) => {
	if (url.pathname === '/api/v1/openapi.json') return '/api/v1/openapi';
	// The same for a meeting's deck: /api/v1/meetings/7/deck.pptx → /api/v1/meetings/7/deck/pptx.
	const deck = /^\/api\/v1\/meetings\/(\d+)\/deck\.(pptx|pdf)$/.exec(url.pathname);
	if (deck) return `/api/v1/meetings/${deck[1]}/deck/${deck[2]}`;
};
