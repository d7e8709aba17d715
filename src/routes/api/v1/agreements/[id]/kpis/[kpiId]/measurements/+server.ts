import { apiHandler } from '$lib/server/api/handler';
import { recordMeasurement as spec } from '$lib/server/api/specs/agreements';
import { recordMeasurement } from '$lib/server/services/agreements';

export const POST = apiHandler(spec, async ({ ctx, params, body }) => ({
	id: (await recordMeasurement(ctx, params.kpiId, body, params.id)).id
}));
