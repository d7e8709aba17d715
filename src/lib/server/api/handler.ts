import { json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import type { z } from 'zod';
import { payloadTooLarge, routeLimit } from '../body-limits';
import { getConfig } from '../config';
import { m } from '../i18n';
import { apiError, apiErrorResponse, inSavepoint } from '../http';
import { logger } from '../log';
import { BodyTooLarge, readJsonAtMost } from '../read-body';
import { parseInput } from '../validation';
import type { Ctx } from '../services/context';
import { CHECKED_HEADER, responseMismatches } from './check';
import { answersEmpty, type EndpointSpec } from './define';

/** Largest JSON body accepted by API endpoints (file imports have their own limits). */
const MAX_JSON_BYTES = 2 * 1024 * 1024;

/** The parsed type of a spec's `params`, `query` or `body`, or undefined when it has none. */
type Parsed<S, K extends 'params' | 'query' | 'body'> = S extends {
	[P in K]: infer T extends z.ZodType;
}
	? z.output<T>
	: undefined;

export interface EndpointInput<S extends EndpointSpec> {
	params: Parsed<S, 'params'>;
	query: Parsed<S, 'query'>;
	body: Parsed<S, 'body'>;
	ctx: Ctx;
	event: RequestEvent;
}

function queryObject(url: URL): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(key);
		out[key] = values.length === 1 ? (values[0] ?? '') : values;
	}
	return out;
}

/**
 * With `checkSchemas` on: the answer as it would be sent, or a 500 naming every field that does
 * not match the spec's `response` (also logged with the operation), so the test that met it fails
 * on the spot. A body where the document promises none, or none where it promises one, is a
 * mismatch too.
 */
export function checkedAnswer(
	spec: EndpointSpec,
	result: unknown,
	locale: Ctx['locale']
): Response {
	const empty = answersEmpty(spec);
	const issues =
		result === undefined
			? empty
				? []
				: [{ path: [], message: 'no body, but the response schema declares one' }]
			: empty
				? [{ path: [], message: 'a body, but the endpoint is documented as 204 No Content' }]
				: responseMismatches(spec.response, result);
	if (issues.length > 0) {
		const errorId = crypto.randomUUID();
		logger.error('API answer does not match its response schema', {
			operationId: spec.operationId,
			errorId,
			issues
		});
		return apiError(500, 'response_schema', m.error_unexpected({}, { locale }), {
			errorId,
			issues
		});
	}
	const headers = { [CHECKED_HEADER]: spec.operationId };
	return result === undefined
		? new Response(null, { status: 204, headers })
		: json(result, { status: spec.successStatus ?? 200, headers });
}

/**
 * Builds a SvelteKit request handler from an endpoint spec: parses and validates path, query and
 * JSON body, calls the service, and answers JSON. Domain errors become JSON errors with the right
 * status; unexpected ones a 500 with an error id, never a stack trace. With `checkSchemas` on, the
 * answer is held to the spec's `response` first (`checkedAnswer`).
 */
export function apiHandler<S extends EndpointSpec>(
	spec: S,
	run: (input: EndpointInput<S>) => Promise<unknown>
): RequestHandler {
	return async (event) => {
		const { ctx } = event.locals;
		const locale = ctx.locale;
		try {
			const params = spec.params ? parseInput(spec.params, event.params, locale) : undefined;
			const query = spec.query ? parseInput(spec.query, queryObject(event.url), locale) : undefined;
			let body: unknown = undefined;
			if (spec.body) {
				let raw: unknown;
				try {
					raw = await readJsonAtMost(event.request, routeLimit(MAX_JSON_BYTES));
				} catch (err) {
					if (err instanceof BodyTooLarge) return payloadTooLarge(err.limit, locale);
					return apiError(400, 'bad_json', m.error_bad_json({}, { locale }));
				}
				body = spec.rawBody ? raw : parseInput(spec.body, raw, locale);
			}
			const result = await inSavepoint(() =>
				run({
					params: params as EndpointInput<S>['params'],
					query: query as EndpointInput<S>['query'],
					body: body as EndpointInput<S>['body'],
					ctx,
					event
				})
			);
			if (result instanceof Response) return result;
			if (getConfig().checkSchemas) return checkedAnswer(spec, result, locale);
			if (result === undefined) return new Response(null, { status: 204 });
			return json(result, { status: spec.successStatus ?? 200 });
		} catch (err) {
			return apiErrorResponse(err, locale);
		}
	};
}
