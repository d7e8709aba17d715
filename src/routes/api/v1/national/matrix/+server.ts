import { apiHandler } from '$lib/server/api/handler';
import { nationalMatrix as spec } from '$lib/server/api/specs/national';
import { getNationalMatrix } from '$lib/server/services/national';

export const GET = apiHandler(spec, ({ ctx }) => getNationalMatrix(ctx));
