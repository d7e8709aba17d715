import { json, type RequestHandler } from '@sveltejs/kit';
import { payloadTooLarge, routeLimit } from './body-limits';
import { apiError, apiErrorResponse } from './http';
import { m } from './i18n';
import { BodyTooLarge, readJsonAtMost } from './read-body';
import type { Ctx } from './services/context';

/** The form's data is small; anything larger than this is not an honest autosave. */
const MAX_FORM_BYTES = 256 * 1024;

/** A JSON endpoint behind a survey link: reads `{ data }`, runs the service, answers JSON. */
export function respondentEndpoint(
	run: (ctx: Ctx, data: unknown) => Promise<unknown>
): RequestHandler {
	return async ({ request, locals }) => {
		const locale = locals.ctx.locale;
		let body: unknown;
		try {
			body = await readJsonAtMost(request, routeLimit(MAX_FORM_BYTES));
		} catch (err) {
			if (err instanceof BodyTooLarge) return payloadTooLarge(err.limit, locale);
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
