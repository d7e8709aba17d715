import type { Reroute } from '@sveltejs/kit';

/**
 * `/api/v1/openapi.json` is served by the route `/api/v1/openapi`: a route folder whose name ends
 * in `.json` is mis-bundled by the production build (the manifest points at a chunk name that is
 * never written), so the public URL is mapped here instead.
 */
export const reroute: Reroute = ({ url }) => {
	if (url.pathname === '/api/v1/openapi.json') return '/api/v1/openapi';
};
