import { apiHandler } from '$lib/server/api/handler';
import { addOffice as spec } from '$lib/server/api/specs/landscape';
import { addOffice } from '$lib/server/services/landscape';

export const POST = apiHandler(spec, async ({ ctx, params, body }) => {
	const office = await addOffice(ctx, params.slug, body);
	return {
		id: office.id,
		label: office.label,
		municipalityCode: office.municipalityCode,
		isHq: office.isHq
	};
});
