import { figureJson } from '$lib/domain/landscape/json';
import { apiHandler } from '$lib/server/api/handler';
import { addFigure } from '$lib/server/api/specs/landscape';
import { saveFigure } from '$lib/server/services/landscape';

export const POST = apiHandler(addFigure, async ({ ctx, params, body }) => {
	const saved = await saveFigure(ctx, params.slug, body);
	return figureJson({ ...saved, updatedAt: saved.updatedAt.toISOString() });
});
