import { apiHandler } from '$lib/server/api/handler';
import {
	createOrganisation as createSpec,
	listOrganisations as listSpec
} from '$lib/server/api/specs/organisations';
import { createOrganisation, listOrganisations } from '$lib/server/services/organisations';

export const GET = apiHandler(listSpec, async ({ ctx }) => ({
	organisations: await listOrganisations(ctx)
}));

export const POST = apiHandler(createSpec, ({ ctx, body }) => createOrganisation(ctx, body));
