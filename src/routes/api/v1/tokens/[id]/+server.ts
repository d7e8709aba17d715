import { apiHandler } from '$lib/server/api/handler';
import { revokeToken } from '$lib/server/api/specs/admin';
import { revokeApiToken } from '$lib/server/services/users';

export const DELETE = apiHandler(revokeToken, ({ ctx, params }) => revokeApiToken(ctx, params.id));
