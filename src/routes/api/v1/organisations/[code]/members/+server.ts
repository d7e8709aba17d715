import { apiHandler } from '$lib/server/api/handler';
import { addOrganisationMember as addSpec } from '$lib/server/api/specs/organisations';
import { addMember } from '$lib/server/services/organisations';

export const POST = apiHandler(addSpec, ({ ctx, params, body }) =>
	addMember(ctx, params.code, body)
);
