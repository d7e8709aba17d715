/**
 * The request body limits, each counted on the bytes read (`read-body.ts`):
 *
 * - `POST /api/v1/imports`: `KLYNGERADAR_IMPORT_SIZE_LIMIT` (400 MB), streamed to a temporary file;
 * - every other route: `BODY_SIZE_LIMIT` (12 MB), held by `limitRequestBodies` before any form
 *   action or endpoint reads the body; the web upload of company lists is one of these, and
 *   streams its file to a temporary file under the same limit (`import/upload.ts`);
 * - smaller ones of their own: JSON API bodies (2 MB), survey autosave and submit (256 KB).
 *
 * adapter-node applies its BODY_SIZE_LIMIT to every request before this code runs, so
 * `klyngeradar serve` raises it to the largest of these; this file keeps the others.
 */
import { error, fail, type ActionFailure, type Handle } from '@sveltejs/kit';
import type { Locale } from '$lib/format';
import { getConfig } from './config';
import { apiError, type FormFailure } from './http';
import { m } from './i18n';
import { formatLimit, withBodyLimit } from './read-body';

/** The route that reads its body under `KLYNGERADAR_IMPORT_SIZE_LIMIT` instead. */
const API_IMPORT_ROUTE = '/api/v1/imports';

/** The limit of `POST /api/v1/imports`, in bytes. */
export function apiImportLimit(): number {
	return getConfig().bodyLimits.apiImport;
}

/** The pages' limit in bytes, for a form action that reads its body itself. */
export function pageLimit(): number {
	return getConfig().bodyLimits.pages;
}

/** A route's own limit in bytes, never above the pages' limit, which holds for the route too. */
export function routeLimit(own: number): number {
	return Math.min(own, getConfig().bodyLimits.pages);
}

/** The API's answer to a body over `limit` bytes: 413 with the limit named. */
export function payloadTooLarge(
	limit: number,
	locale: Locale,
	message = m.error_payload_too_large({ max: formatLimit(limit, locale) }, { locale })
): Response {
	return apiError(413, 'payload_too_large', message);
}

/** The upload limits as the upload page states them: the page's own and the API import's. */
export function uploadLimits(locale: Locale): { max: string; importMax: string } {
	const { pages, apiImport } = getConfig().bodyLimits;
	return { max: formatLimit(pages, locale), importMax: formatLimit(apiImport, locale) };
}

/**
 * The upload form's answer to a file over the pages' limit: the limit, and where larger files
 * go instead. Nothing of the form could be read, so no values come back.
 */
export function uploadTooLarge(locale: Locale, formId: string): ActionFailure<FormFailure> {
	const { pages, apiImport } = getConfig().bodyLimits;
	const message = m.error_upload_too_large(
		{ max: formatLimit(pages, locale), importMax: formatLimit(apiImport, locale) },
		{ locale }
	);
	return fail(413, {
		message: m.import_rejected({ count: 1 }, { locale }),
		issues: [{ path: ['file'], message }],
		values: {},
		lists: {},
		formId
	});
}

/**
 * The upload form's answer to a body that is not the form it sends (cut off, or more or longer
 * fields than it has): nothing of it is trusted, so no values come back.
 */
export function uploadUnreadable(locale: Locale, formId: string): ActionFailure<FormFailure> {
	return fail(400, {
		message: m.error_upload_unreadable({}, { locale }),
		issues: [],
		values: {},
		lists: {},
		formId
	});
}

/** SvelteKit's `error()` as a value, so a form action that does not catch it shows a 413 page. */
function refusal(message: string): unknown {
	try {
		error(413, { message });
	} catch (err) {
		return err;
	}
}

/** Holds every request body but the API import's to the pages' limit, on the bytes read. */
export const limitRequestBodies: Handle = async ({ event, resolve }) => {
	if (event.request.body && event.route.id !== API_IMPORT_ROUTE) {
		const limit = getConfig().bodyLimits.pages;
		const locale = event.locals.locale;
		event.request = withBodyLimit(event.request, limit, () =>
			refusal(m.error_payload_too_large({ max: formatLimit(limit, locale) }, { locale }))
		);
	}
	const response = await resolve(event);
	// The rest of the body was left unread, so the connection cannot carry another request.
	if (response.status === 413) response.headers.set('connection', 'close');
	return response;
};
