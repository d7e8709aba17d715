import { apiHandler } from '$lib/server/api/handler';
import { createUser as createSpec, listUsers as listSpec } from '$lib/server/api/specs/admin';
import { createUser, listUsers } from '$lib/server/services/users';

export const GET = apiHandler(listSpec, async ({ ctx }) => ({ users: await listUsers(ctx) }));

export const POST = apiHandler(createSpec, ({ ctx, body }) => createUser(ctx, body));
