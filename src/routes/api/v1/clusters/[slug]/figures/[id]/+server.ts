import { apiHandler } from '$lib/server/api/handler';
import { deleteFigure as spec } from '$lib/server/api/specs/landscape';
import { deleteFigure } from '$lib/server/services/landscape';

export const DELETE = apiHandler(spec, ({ ctx, params }) =>
	deleteFigure(ctx, params.slug, params.id)
);
