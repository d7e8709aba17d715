import { apiHandler } from '$lib/server/api/handler';
import { getMeeting as getSpec } from '$lib/server/api/specs/meetings';
import { getMeetingJson } from '$lib/server/services/meetings';

export const GET = apiHandler(getSpec, ({ ctx, params }) => getMeetingJson(ctx, params.id));
