import { apiHandler } from '$lib/server/api/handler';
import { getMeetingDeck as deckSpec } from '$lib/server/api/specs/meetings';
import { fileResponse } from '$lib/server/files';
import { meetingDeck } from '$lib/server/services/meetings';

export const GET = apiHandler(deckSpec, async ({ ctx, params }) =>
	fileResponse(await meetingDeck(ctx, params.id, params.format))
);
