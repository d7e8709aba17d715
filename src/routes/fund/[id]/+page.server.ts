import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { getFindingsPage } from '$lib/server/services/findings';

export const load: PageServerLoad = async ({ locals, params }) => ({
	page: await runLoad(() => getFindingsPage(locals.ctx, Number(params.id)))
});
