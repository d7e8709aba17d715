import { error, type RequestHandler } from '@sveltejs/kit';
import { fileResponse } from '$lib/server/files';
import { runLoad } from '$lib/server/http';
import { deckFormats, meetingDeck, type DeckFormat } from '$lib/server/services/meetings';

export const GET: RequestHandler = async ({ locals, params }) => {
	const format = params.format ?? '';
	if (!(deckFormats as readonly string[]).includes(format)) error(404, { message: format });
	return fileResponse(
		await runLoad(() => meetingDeck(locals.ctx, Number(params.id), format as DeckFormat))
	);
};
