/**
 * API endpoints are declared once, as data: route, method, zod schemas for input and output, and
 * a summary. The route handler (`api/handler.ts`) validates with these schemas; the OpenAPI
 * document (`api/openapi.ts`) is generated from them. Access comes from `auth/policy.ts`.
 */
import type { z } from 'zod';
import type { HttpMethod } from '../auth/policy';

export interface EndpointSpec {
	/** The SvelteKit route id, e.g. `/api/v1/clusters/[slug]`. */
	routeId: string;
	/** The public path when it differs from the route (see `src/hooks.ts`). */
	path?: string;
	method: HttpMethod;
	operationId: string;
	summary: string;
	description?: string;
	tag: string;
	params?: z.ZodObject;
	query?: z.ZodObject;
	body?: z.ZodType;
	response: z.ZodType;
	/** 200 by default; 201 for creations. */
	successStatus?: 200 | 201;
	/** For file downloads: the content type instead of JSON. */
	produces?: string;
	/**
	 * The body is documented by `body` but handed to the handler unparsed (after JSON parsing),
	 * for services that check it themselves with better messages (file imports).
	 */
	rawBody?: boolean;
}

/** Declares an endpoint; the literal type is kept so handlers get typed params, query and body. */
export function defineEndpoint<const S extends EndpointSpec>(spec: S): S {
	return spec;
}

/**
 * Whether the endpoint answers 204 without a body: every DELETE, and any endpoint whose declared
 * response is `null` (its handler returns nothing).
 */
export function answersEmpty(spec: EndpointSpec): boolean {
	return spec.method === 'DELETE' || spec.response.type === 'null';
}

/** `/api/v1/clusters/[slug]` → `/api/v1/clusters/{slug}` */
export function openApiPath(routeId: string): string {
	return routeId.replace(/\[(\w+)\]/g, '{$1}');
}
