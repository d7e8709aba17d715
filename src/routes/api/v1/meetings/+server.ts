import { apiHandler } from '$lib/server/api/handler';
import { listMeetings as listSpec } from '$lib/server/api/specs/meetings';
import { listMeetingItems } from '$lib/server/services/meetings';

export const GET = apiHandler(listSpec, async ({ ctx, query }) => ({
	meetings: await listMeetingItems(ctx, { region: query.region ?? null })
}));
