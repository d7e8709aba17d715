import { apiHandler } from '$lib/server/api/handler';
import { updateUser as updateSpec } from '$lib/server/api/specs/admin';
import { updateUserByAdmin } from '$lib/server/services/users';

export const PATCH = apiHandler(updateSpec, async ({ ctx, params, body }) => ({
	user: await updateUserByAdmin(ctx, params.id, body)
}));
