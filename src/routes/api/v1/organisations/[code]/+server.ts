import { apiHandler } from '$lib/server/api/handler';
import { updateOrganisation as updateSpec } from '$lib/server/api/specs/organisations';
import { changeOrganisation } from '$lib/server/services/organisations';

export const PATCH = apiHandler(updateSpec, async ({ ctx, params, body }) => ({
	organisation: await changeOrganisation(ctx, params.code, body)
}));
