/**
 * Request bodies read with a limit on the bytes that arrive. A content-length header says only
 * what the client announces, and a chunked body has none, so a limit is counted on the stream as
 * it is read, and reading stops before the first chunk that goes past it.
 *
 * Reading stops without cancelling the stream: under adapter-node a cancel destroys the socket,
 * and the client would never see the 413. The answer says `connection: close` instead
 * (`body-limits.ts`), so the unread rest of the body is dropped with the connection.
 */
import { formatNumber, type Locale } from '$lib/format';

const MB = 1024 * 1024;

/** Raised when a request body is larger than `limit` bytes. */
export class BodyTooLarge extends Error {
	override name = 'BodyTooLarge';
	constructor(readonly limit: number) {
		super(`The request body is larger than ${limit} bytes.`);
	}
}

/** A limit as the messages name it: `2 MB`, `0,25 MB`. */
export function formatLimit(bytes: number, locale: Locale): string {
	return `${formatNumber(bytes / MB, locale, 2)} MB`;
}

/** adapter-node's own limit, and the pages' limit in `body-limits.ts`, fail the stream with a 413. */
function isRefusedForSize(err: unknown): boolean {
	return typeof err === 'object' && err !== null && (err as { status?: unknown }).status === 413;
}

/** A request, or a body stream alone (which announces no length). */
export type BodySource = Request | ReadableStream<Uint8Array> | null;

/**
 * The body's chunks as they arrive, at most `maxBytes` in all. Throws `BodyTooLarge` when the
 * content-length announces more, or as soon as more has arrived, without passing that chunk on.
 */
export async function* readAtMost(
	source: BodySource,
	maxBytes: number
): AsyncGenerator<Uint8Array, void, undefined> {
	const request = source && 'headers' in source ? source : null;
	const declared = Number(request?.headers.get('content-length') ?? Number.NaN);
	if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge(maxBytes);
	const body = request ? request.body : (source as ReadableStream<Uint8Array> | null);
	if (!body) return;
	const reader = body.getReader();
	let received = 0;
	try {
		for (;;) {
			let next: ReadableStreamReadResult<Uint8Array>;
			try {
				next = await reader.read();
			} catch (err) {
				// `klyngeradar serve` sets adapter-node's limit to the largest route limit, so on that
				// route the adapter may see the excess first; its error means the same limit.
				if (isRefusedForSize(err)) throw new BodyTooLarge(maxBytes);
				throw err;
			}
			if (next.done) return;
			received += next.value.byteLength;
			if (received > maxBytes) throw new BodyTooLarge(maxBytes);
			yield next.value;
		}
	} finally {
		reader.releaseLock();
	}
}

/** The whole body, at most `maxBytes`; `BodyTooLarge` beyond. */
export async function readBytesAtMost(request: BodySource, maxBytes: number): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of readAtMost(request, maxBytes)) chunks.push(chunk);
	return Buffer.concat(chunks);
}

/**
 * The body parsed as JSON, as `request.json()` does (UTF-8, a BOM dropped), but at most
 * `maxBytes`: `BodyTooLarge` beyond, a `SyntaxError` for anything but JSON.
 */
export async function readJsonAtMost(request: Request, maxBytes: number): Promise<unknown> {
	const bytes = await readBytesAtMost(request, maxBytes);
	return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

/**
 * The same request with its body held to `maxBytes`, for code that reads the body itself
 * (`request.formData()` in a form action): reading past the limit fails with `refuse()`, and
 * nothing after it is read.
 */
export function withBodyLimit(request: Request, maxBytes: number, refuse: () => unknown): Request {
	if (!request.body) return request;
	const chunks = readAtMost(request, maxBytes);
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const next = await chunks.next();
				if (next.done) controller.close();
				else controller.enqueue(next.value);
			} catch (err) {
				controller.error(err instanceof BodyTooLarge ? refuse() : err);
			}
		},
		async cancel() {
			await chunks.return();
		}
	});
	return new Request(request, { body, duplex: 'half' } as RequestInit);
}
