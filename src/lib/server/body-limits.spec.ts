/**
 * The limits at handler level, with chunked bodies (a stream body sends no content-length): the
 * JSON API, the survey autosave and every other route through `limitRequestBodies`. The built
 * server is tested the same way in `tests/cli/body-limits.spec.ts`.
 */
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { apiHandler } from './api/handler';
import { defineEndpoint } from './api/define';
import { limitRequestBodies } from './body-limits';
import { getConfig } from './config';
import { respondentEndpoint } from './respondent-endpoint';

/** `size` bytes of JSON, `{"data":"xxx…"}`, sent in 64 KB pieces. */
function chunkedJson(size: number): ReadableStream<Uint8Array> {
	const text = new TextEncoder().encode(`{"data":"${'x'.repeat(Math.max(0, size - 11))}"}`);
	let at = 0;
	return new ReadableStream({
		pull(controller) {
			if (at >= text.length) return controller.close();
			controller.enqueue(text.slice(at, at + 65_536));
			at += 65_536;
		}
	});
}

function post(body: ReadableStream<Uint8Array>, type = 'application/json'): Request {
	return new Request('http://127.0.0.1/x', {
		method: 'POST',
		body,
		headers: { 'content-type': type },
		duplex: 'half'
	} as RequestInit);
}

function event(request: Request, routeId = '/x'): RequestEvent {
	return {
		request,
		route: { id: routeId },
		params: {},
		url: new URL(request.url),
		locals: { locale: 'da', ctx: { locale: 'da' } }
	} as unknown as RequestEvent;
}

describe('body limits on the bytes read', () => {
	it('answers a chunked survey autosave over 256 KB with 413, without running the service', async () => {
		let ran = false;
		const endpoint = respondentEndpoint(() => Promise.resolve((ran = true)));
		const response = (await endpoint(event(post(chunkedJson(300 * 1024))))) as Response;
		expect(response.status).toBe(413);
		expect(await response.json()).toEqual({
			error: { code: 'payload_too_large', message: 'Forespørgslen er for stor: højst 0,25 MB.' }
		});
		expect(ran).toBe(false);
		const small = (await endpoint(event(post(chunkedJson(1000))))) as Response;
		expect(small.status).toBe(200);
	});

	it('answers a chunked JSON API body over 2 MB with 413', async () => {
		const spec = defineEndpoint({
			routeId: '/x',
			method: 'POST',
			operationId: 'x',
			summary: 'x',
			tag: 'x',
			body: z.object({ data: z.string() }),
			response: z.object({ length: z.number() })
		});
		const handler = apiHandler(spec, ({ body }) => Promise.resolve({ length: body.data.length }));
		const response = (await handler(event(post(chunkedJson(2.5 * 1024 * 1024))))) as Response;
		expect(response.status).toBe(413);
		expect(await response.json()).toEqual({
			error: { code: 'payload_too_large', message: 'Forespørgslen er for stor: højst 2 MB.' }
		});
		const small = (await handler(event(post(chunkedJson(1.9 * 1024 * 1024))))) as Response;
		expect(small.status).toBe(200);
	});

	it('holds a form post to the pages’ limit and closes the connection on the 413', async () => {
		const limit = getConfig().bodyLimits.pages;
		let refusal: unknown;
		const response = await limitRequestBodies({
			event: event(post(chunkedJson(limit + 1), 'application/x-www-form-urlencoded')),
			resolve: async (e) => {
				await e.request.formData().catch((err: unknown) => (refusal = err));
				return new Response('refused', { status: isHttpError(refusal) ? refusal.status : 200 });
			}
		});
		expect(isHttpError(refusal, 413)).toBe(true);
		expect((refusal as { body: { message: string } }).body.message).toMatch(
			/^Forespørgslen er for stor: højst [\d,]+ MB\.$/
		);
		expect(response.status).toBe(413);
		expect(response.headers.get('connection')).toBe('close');
	});

	it('leaves the API import’s body to the route, which has a larger limit of its own', async () => {
		const request = post(chunkedJson(100), 'text/csv');
		let seen: Request | undefined;
		await limitRequestBodies({
			event: event(request, '/api/v1/imports'),
			resolve: (e) => Promise.resolve(new Response((seen = e.request).body))
		});
		expect(seen).toBe(request);
	});
});
