import { apiHandler } from '$lib/server/api/handler';
import {
	deleteAgreement as deleteSpec,
	getAgreement as getSpec,
	updateAgreement as updateSpec
} from '$lib/server/api/specs/agreements';
import {
	getAgreementJson,
	removeAgreement,
	updateAgreement
} from '$lib/server/services/agreements';

export const GET = apiHandler(getSpec, ({ ctx, params }) => getAgreementJson(ctx, params.id));
export const PATCH = apiHandler(updateSpec, ({ ctx, params, body }) =>
	updateAgreement(ctx, params.id, body)
);
export const DELETE = apiHandler(deleteSpec, ({ ctx, params }) => removeAgreement(ctx, params.id));
