import { apiHandler } from '$lib/server/api/handler';
import { nationalCoverage as spec } from '$lib/server/api/specs/national';
import { nationalCoverage } from '$lib/server/services/national';

export const GET = apiHandler(spec, ({ ctx }) => nationalCoverage(ctx));
