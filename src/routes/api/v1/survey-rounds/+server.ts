import { apiHandler } from '$lib/server/api/handler';
import { createRound as createSpec, listRounds as listSpec } from '$lib/server/api/specs/survey';
import { createRound, listRounds } from '$lib/server/services/survey';

export const GET = apiHandler(listSpec, async ({ ctx }) => ({ rounds: await listRounds(ctx) }));

export const POST = apiHandler(createSpec, async ({ ctx, body }) => ({
	roundId: (await createRound(ctx, body)).id
}));
