import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { listClusterNames } from '$lib/server/services/landscape';
import { getNationalMatrix, nationalCoverage, nationalMap } from '$lib/server/services/national';

export const load: PageServerLoad = async ({ locals }) =>
	runLoad(async () => {
		const [coverage, matrix, clusters] = await Promise.all([
			nationalCoverage(locals.ctx),
			getNationalMatrix(locals.ctx),
			listClusterNames(locals.ctx)
		]);
		return { coverage, matrix, clusters, mapSvg: await nationalMap(locals.ctx, matrix) };
	});
