import { apiHandler } from '$lib/server/api/handler';
import { deleteOffice } from '$lib/server/api/specs/landscape';
import { removeOffice } from '$lib/server/services/landscape';

export const DELETE = apiHandler(deleteOffice, ({ ctx, params }) =>
	removeOffice(ctx, params.slug, params.id)
);
