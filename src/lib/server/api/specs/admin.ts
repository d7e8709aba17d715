import { z } from 'zod';
import { auditActions } from '../../db/schema/audit';
import { AuditQuerySchema } from '../../services/audit';
import { CreateApiTokenSchema, CreateUserSchema, UpdateUserSchema } from '../../services/users';
import { defineEndpoint } from '../define';

const timestamp = z.iso.datetime({ offset: true });

export const UserSchema = z
	.object({
		id: z.uuid(),
		email: z.email(),
		name: z.string(),
		role: z.enum(['admin', 'analyst', 'viewer']),
		locale: z.enum(['da', 'en']),
		mustChangePassword: z.boolean(),
		hasPassword: z.boolean(),
		disabled: z.boolean(),
		createdAt: timestamp
	})
	.meta({ id: 'User' });

export const listUsers = defineEndpoint({
	routeId: '/api/v1/users',
	method: 'GET',
	operationId: 'listUsers',
	summary: 'All staff users with their roles.',
	tag: 'admin',
	response: z.object({ users: z.array(UserSchema) })
});

export const createUser = defineEndpoint({
	routeId: '/api/v1/users',
	method: 'POST',
	operationId: 'createUser',
	summary:
		'Creates a user. Without `password`, a one-time password is generated and returned once; the user must change it at first sign-in.',
	tag: 'admin',
	body: CreateUserSchema,
	response: z.object({ user: UserSchema, oneTimePassword: z.string().optional() }),
	successStatus: 201
});

export const updateUser = defineEndpoint({
	routeId: '/api/v1/users/[id]',
	method: 'PATCH',
	operationId: 'updateUser',
	summary: 'Changes a user’s role, name or disabled state.',
	tag: 'admin',
	params: z.object({ id: z.uuid() }),
	body: UpdateUserSchema,
	response: z.object({ user: UserSchema })
});

export const ApiTokenSchema = z
	.object({
		id: z.uuid(),
		name: z.string(),
		prefix: z.string(),
		userEmail: z.email(),
		createdAt: timestamp,
		expiresAt: timestamp.nullable(),
		lastUsedAt: timestamp.nullable(),
		revokedAt: timestamp.nullable(),
		active: z.boolean()
	})
	.meta({ id: 'ApiToken' });

export const listTokens = defineEndpoint({
	routeId: '/api/v1/tokens',
	method: 'GET',
	operationId: 'listApiTokens',
	summary: 'All personal API tokens (never their secrets).',
	tag: 'admin',
	response: z.object({ tokens: z.array(ApiTokenSchema) })
});

export const createToken = defineEndpoint({
	routeId: '/api/v1/tokens',
	method: 'POST',
	operationId: 'createApiToken',
	summary: 'Creates a personal API token; the secret is in the answer and nowhere else.',
	tag: 'admin',
	body: CreateApiTokenSchema,
	response: z.object({ token: z.string(), apiToken: ApiTokenSchema }),
	successStatus: 201
});

export const revokeToken = defineEndpoint({
	routeId: '/api/v1/tokens/[id]',
	method: 'DELETE',
	operationId: 'revokeApiToken',
	summary: 'Revokes a token; requests with it are refused from then on.',
	tag: 'admin',
	params: z.object({ id: z.uuid() }),
	response: z.null().meta({ description: 'No content (204).' })
});

export const AuditEntrySchema = z
	.object({
		id: z.number().int(),
		at: timestamp,
		actorUserId: z.uuid().nullable(),
		actorLabel: z.string(),
		entity: z.string(),
		entityId: z.string(),
		action: z.enum(auditActions),
		before: z.unknown(),
		after: z.unknown()
	})
	.meta({ id: 'AuditEntry' });

export const listAudit = defineEndpoint({
	routeId: '/api/v1/audit',
	method: 'GET',
	operationId: 'listAudit',
	summary: 'The audit log, newest first, filterable by entity and entity id; 50 per page.',
	tag: 'admin',
	query: AuditQuerySchema,
	response: z.object({
		entries: z.array(AuditEntrySchema),
		total: z.number().int(),
		page: z.number().int(),
		pageSize: z.number().int()
	})
});
