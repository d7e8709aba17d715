import { json, type RequestHandler } from '@sveltejs/kit';
import { apiError, apiErrorResponse } from './http';
import { m } from './i18n';
import type { Ctx } from './services/context';

/** The form's data is small; anything larger than this is not an honest autosave. */
const MAX_FORM_BYTES = 256 * 1024;

/** A JSON endpoint behind a survey link: reads `{ data }`, runs the service, answers JSON. */
export function respondentEndpoint(
	run: (ctx: Ctx, data: unknown) => Promise<unknown>
): RequestHandler {
	return async ({ request, locals }) => {
		const locale = locals.ctx.locale;
		if (Number(request.headers.get('content-length') ?? '0') > MAX_FORM_BYTES) {
			return apiError(413, 'payload_too_large', m.error_payload_too_large({}, { locale }));
		}
		let body: unknown;
		try {
			body = await request.json();
		} catch {
			return apiError(400, 'bad_json', m.error_bad_json({}, { locale }));
		}
		try {
			const data =
				typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
			return json(await run(locals.ctx, data));
		} catch (err) {
			return apiErrorResponse(err, locale);
		}
	};
}
