import {
	createDocument,
	type ZodOpenApiObject,
	type ZodOpenApiOperationObject,
	type ZodOpenApiPathsObject
} from 'zod-openapi';
import { accessFor } from '../auth/policy';
import { answersEmpty, openApiPath, type EndpointSpec } from './define';
import { endpoints } from './registry';

const ErrorSchema = {
	type: 'object',
	properties: {
		error: {
			type: 'object',
			properties: {
				code: { type: 'string' },
				message: { type: 'string' },
				issues: {
					type: 'array',
					items: {
						type: 'object',
						properties: { path: { type: 'array', items: {} }, message: { type: 'string' } }
					}
				},
				errorId: { type: 'string' }
			},
			required: ['code', 'message']
		}
	},
	required: ['error']
} as const;

const errorResponses = {
	'400': {
		description: 'Invalid input; `issues` names each field.',
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	},
	'401': {
		description: 'Not signed in, or unknown/revoked/expired token.',
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	},
	'403': {
		description: 'The role does not allow this.',
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	},
	'404': {
		description: 'Not found.',
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	}
};

function operation(spec: EndpointSpec): ZodOpenApiOperationObject {
	const access = accessFor(spec.routeId, spec.method) ?? 'admin';
	const success = spec.successStatus ?? 200;
	const isEmpty = answersEmpty(spec);
	return {
		operationId: spec.operationId,
		summary: spec.summary,
		description: `${spec.description ? `${spec.description}\n\n` : ''}Requires: **${access}**.`,
		tags: [spec.tag],
		security: access === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
		'x-required-role': access,
		requestParams: {
			...(spec.params ? { path: spec.params } : {}),
			...(spec.query ? { query: spec.query } : {})
		},
		requestBody: spec.body ? { content: { 'application/json': { schema: spec.body } } } : undefined,
		responses: {
			[isEmpty ? '204' : String(success)]: isEmpty
				? { description: 'No content.' }
				: {
						description: 'OK',
						content: { [spec.produces ?? 'application/json']: { schema: spec.response } }
					},
			...(access === 'public' ? {} : errorResponses)
		}
	} as ZodOpenApiOperationObject;
}

/** The OpenAPI 3.1 document for every registered endpoint. */
export function buildOpenApiDocument(version: string): ReturnType<typeof createDocument> {
	const paths: ZodOpenApiPathsObject = {};
	for (const spec of endpoints) {
		const path = spec.path ?? openApiPath(spec.routeId);
		paths[path] ??= {};
		(paths[path] as Record<string, ZodOpenApiOperationObject>)[spec.method.toLowerCase()] =
			operation(spec);
	}
	const document: ZodOpenApiObject = {
		openapi: '3.1.0',
		info: {
			title: 'Klyngeradar API',
			version,
			description:
				'JSON API for Klyngeradar. Authenticate with a session cookie or `Authorization: Bearer <token>` (personal API token created by an admin). Messages follow the `PARAGLIDE_LOCALE` cookie (da by default).'
		},
		servers: [{ url: '/' }],
		paths,
		components: {
			securitySchemes: {
				bearerToken: { type: 'http', scheme: 'bearer', description: 'Personal API token, `kr_…`' },
				sessionCookie: { type: 'apiKey', in: 'cookie', name: 'kr_session' }
			},
			schemas: { Error: ErrorSchema as never }
		}
	};
	return createDocument(document);
}
