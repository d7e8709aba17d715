import { apiHandler } from '$lib/server/api/handler';
import {
	createAgreement as createSpec,
	listAgreements as listSpec
} from '$lib/server/api/specs/agreements';
import { createAgreement, listAgreementItems } from '$lib/server/services/agreements';

export const GET = apiHandler(listSpec, async ({ ctx, query }) => ({
	agreements: await listAgreementItems(ctx, query)
}));

export const POST = apiHandler(createSpec, ({ ctx, body }) => {
	const { region, ...input } = (body ?? {}) as Record<string, unknown>;
	return createAgreement(ctx, typeof region === 'string' ? region : '', input);
});
