import { apiHandler } from '$lib/server/api/handler';
import { createToken as createSpec, listTokens as listSpec } from '$lib/server/api/specs/admin';
import { createApiToken, listApiTokens } from '$lib/server/services/users';

export const GET = apiHandler(listSpec, async ({ ctx }) => ({ tokens: await listApiTokens(ctx) }));

export const POST = apiHandler(createSpec, async ({ ctx, body }) => {
	const { token, view } = await createApiToken(ctx, body);
	return { token, apiToken: view };
});
