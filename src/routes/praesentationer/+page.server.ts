import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { listMeetingItems } from '$lib/server/services/meetings';

export const load: PageServerLoad = async ({ locals, url }) =>
	runLoad(async () => ({
		meetings: await listMeetingItems(locals.ctx, { region: url.searchParams.get('region') })
	}));
