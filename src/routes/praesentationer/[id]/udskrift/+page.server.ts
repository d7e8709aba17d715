import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { meetingPrintable } from '$lib/server/services/meetings';

export const load: PageServerLoad = async ({ locals, params }) =>
	runLoad(() => meetingPrintable(locals.ctx, Number(params.id)));
