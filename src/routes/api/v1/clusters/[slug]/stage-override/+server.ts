import { apiHandler } from '$lib/server/api/handler';
import { deleteStageOverride, putStageOverride } from '$lib/server/api/specs/landscape';
import { clearStageOverride, setStageOverride } from '$lib/server/services/landscape';

export const PUT = apiHandler(putStageOverride, ({ ctx, params, body }) =>
	setStageOverride(ctx, params.slug, body)
);

export const DELETE = apiHandler(deleteStageOverride, ({ ctx, params }) =>
	clearStageOverride(ctx, params.slug)
);
