import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { getProgrammeHistory } from '$lib/server/services/landscape';

export const load: PageServerLoad = async ({ locals }) => ({
	history: await runLoad(() => getProgrammeHistory(locals.ctx))
});
