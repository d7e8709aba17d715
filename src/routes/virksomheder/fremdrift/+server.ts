import { json, type RequestHandler } from '@sveltejs/kit';
import { runLoad } from '$lib/server/http';
import { uploadProgress } from '$lib/server/services/companies';

/** How far the upload started under `?token=` has come; `null` before the server has the file. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const progress = await runLoad(() =>
		Promise.resolve(uploadProgress(locals.ctx, url.searchParams.get('token')))
	);
	return json({ progress }, { headers: { 'cache-control': 'no-store' } });
};
