import contentDisposition from 'content-disposition';
import type { RequestHandler } from '@sveltejs/kit';
import { runLoad } from '$lib/server/http';
import { asciiName, getDocument } from '$lib/server/services/agreements';

export const GET: RequestHandler = async ({ locals, params }) => {
	const doc = await runLoad(() => getDocument(locals.ctx, Number(params.id), Number(params.doc)));
	return new Response(new Uint8Array(doc.content), {
		headers: {
			'content-type': doc.mediaType,
			'content-length': String(doc.size),
			'content-disposition': contentDisposition(doc.filename, {
				fallback: asciiName(doc.filename)
			}),
			'x-content-type-options': 'nosniff'
		}
	});
};
