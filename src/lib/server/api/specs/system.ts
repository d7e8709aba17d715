import { z } from 'zod';
import { defineEndpoint } from '../define';

export const HealthSchema = z
	.object({
		status: z.literal('ok'),
		version: z.string().meta({ example: '0.1.0' }),
		database: z.object({
			kind: z.enum(['pglite', 'postgres']),
			migrations: z.object({
				applied: z.number().int(),
				available: z.number().int(),
				latest: z.string().nullable()
			})
		})
	})
	.meta({ id: 'Health' });

export const health = defineEndpoint({
	routeId: '/api/v1/health',
	method: 'GET',
	operationId: 'getHealth',
	summary: 'Status, version, database kind and migration level (no sign-in needed).',
	tag: 'system',
	response: HealthSchema
});

export const openapi = defineEndpoint({
	routeId: '/api/v1/openapi',
	path: '/api/v1/openapi.json',
	method: 'GET',
	operationId: 'getOpenApi',
	summary: 'This OpenAPI document, generated from the endpoint schemas.',
	tag: 'system',
	response: z.record(z.string(), z.unknown())
});

export const MeSchema = z
	.object({
		id: z.uuid(),
		email: z.email(),
		name: z.string(),
		role: z.enum(['admin', 'analyst', 'viewer'])
	})
	.meta({ id: 'Me' });

export const me = defineEndpoint({
	routeId: '/api/v1/me',
	method: 'GET',
	operationId: 'getMe',
	summary: 'The signed-in user or the owner of the API token.',
	tag: 'system',
	response: MeSchema
});
