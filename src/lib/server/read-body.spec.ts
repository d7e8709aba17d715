import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spoolToTempFile } from './import/source';
import {
	BodyTooLarge,
	formatLimit,
	readAtMost,
	readBytesAtMost,
	readJsonAtMost,
	withBodyLimit
} from './read-body';

/** A body of `count` chunks of `size` bytes that records how far it was read and if cancelled. */
function source(count: number, size: number) {
	const seen = { pulled: 0, cancelled: false };
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (seen.pulled === count) return controller.close();
			seen.pulled += 1;
			controller.enqueue(new Uint8Array(size).fill(97));
		},
		cancel() {
			seen.cancelled = true;
		}
	});
	return { stream, seen };
}

/** A chunked request (a stream body sends no content-length), or one that announces a length. */
function request(body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) {
	return new Request('http://127.0.0.1/x', {
		method: 'POST',
		body,
		headers,
		duplex: 'half'
	} as RequestInit);
}

async function refusal(promise: Promise<unknown>): Promise<BodyTooLarge> {
	const err: unknown = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(BodyTooLarge);
	return err as BodyTooLarge;
}

describe('readAtMost', () => {
	it.each([
		{ chunks: 4, size: 1000, max: 10_000 },
		{ chunks: 10, size: 1000, max: 10_000 },
		{ chunks: 0, size: 1000, max: 10 }
	])(
		'passes on $chunks chunks of $size bytes under a limit of $max',
		async ({ chunks, size, max }) => {
			const { stream, seen } = source(chunks, size);
			const bytes = await readBytesAtMost(request(stream), max);
			expect(bytes.byteLength).toBe(chunks * size);
			expect(seen).toEqual({ pulled: chunks, cancelled: false });
		}
	);

	it.each([
		{ chunks: 11, size: 1000, max: 10_000, crossing: 11 },
		{ chunks: 1000, size: 1000, max: 2_500, crossing: 3 },
		{ chunks: 5, size: 4096, max: 1, crossing: 1 }
	])(
		'stops a chunked body of $chunks × $size bytes at the chunk past $max, without cancelling it',
		async ({ chunks, size, max, crossing }) => {
			const { stream, seen } = source(chunks, size);
			const passed: number[] = [];
			const err = await refusal(
				(async () => {
					for await (const chunk of readAtMost(request(stream), max)) passed.push(chunk.byteLength);
				})()
			);
			expect(err.limit).toBe(max);
			// Nothing past the limit is handed on, and reading stops (a stream reads one chunk ahead).
			expect(passed.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(max);
			expect(passed).toHaveLength(crossing - 1);
			expect(seen.pulled).toBeLessThanOrEqual(crossing + 1);
			// A cancel would let adapter-node destroy the socket before the 413 is sent.
			expect(seen.cancelled).toBe(false);
		}
	);

	it('refuses a body whose content-length announces more, before reading any of it', async () => {
		const announced = request('x'.repeat(2000), { 'content-length': '2000' });
		const err = await refusal(readBytesAtMost(announced, 1999));
		expect(err.limit).toBe(1999);
		expect(announced.bodyUsed).toBe(false);
		expect(announced.body?.locked).toBe(false);
	});

	it('reads a body stream alone, which announces no length, with the same limit', async () => {
		expect((await readBytesAtMost(source(3, 100).stream, 300)).byteLength).toBe(300);
		const { stream, seen } = source(50, 100);
		expect((await refusal(readBytesAtMost(stream, 250))).limit).toBe(250);
		expect(seen).toEqual({ pulled: 4, cancelled: false });
		expect((await readBytesAtMost(null, 0)).byteLength).toBe(0);
	});

	it('reads a body of exactly the limit, and one without a body as empty', async () => {
		expect((await readBytesAtMost(request('x'.repeat(2000)), 2000)).byteLength).toBe(2000);
		const empty = new Request('http://127.0.0.1/x', { method: 'POST' });
		expect((await readBytesAtMost(empty, 0)).byteLength).toBe(0);
	});

	it('takes a size refusal by the stream itself (adapter-node) as the same limit', async () => {
		const adapter = Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), {
			status: 413
		});
		const failing = new ReadableStream<Uint8Array>({ pull: (c) => c.error(adapter) });
		expect((await refusal(readBytesAtMost(request(failing), 500))).limit).toBe(500);
		const broken = new Error('socket hang up');
		const dropped = new ReadableStream<Uint8Array>({ pull: (c) => c.error(broken) });
		await expect(readBytesAtMost(request(dropped), 500)).rejects.toBe(broken);
	});
});

describe('readJsonAtMost', () => {
	it('parses JSON as request.json() does, a BOM dropped, and refuses what is not JSON', async () => {
		expect(await readJsonAtMost(request('\uFEFF{"data":{"a":1}}'), 100)).toEqual({
			data: { a: 1 }
		});
		await expect(readJsonAtMost(request('{"data":'), 100)).rejects.toBeInstanceOf(SyntaxError);
		await refusal(readJsonAtMost(request(`{"data":"${'x'.repeat(200)}"}`), 100));
	});
});

describe('withBodyLimit', () => {
	it('lets a form under the limit through and fails one over it with the given refusal', async () => {
		const under = withBodyLimit(
			request(new URLSearchParams({ a: 'b' }).toString(), {
				'content-type': 'application/x-www-form-urlencoded'
			}),
			100,
			() => 'refused'
		);
		expect((await under.formData()).get('a')).toBe('b');

		const { stream, seen } = source(100, 1000);
		const over = withBodyLimit(
			request(stream, { 'content-type': 'application/x-www-form-urlencoded' }),
			5000,
			() => 'refused'
		);
		await expect(over.formData()).rejects.toBe('refused');
		expect(seen.pulled).toBeLessThanOrEqual(7);
		expect(seen.cancelled).toBe(false);
	});

	it('keeps a request without a body as it is', () => {
		const get = new Request('http://127.0.0.1/x');
		expect(withBodyLimit(get, 1, () => 'refused')).toBe(get);
	});
});

describe('spoolToTempFile', () => {
	it('writes a chunked body under the limit to a file, and removes it when refused', async () => {
		const under = await spoolToTempFile(request(source(3, 1000).stream), 3000);
		const path = 'path' in under.source ? under.source.path : '';
		expect(readFileSync(path).byteLength).toBe(3000);
		under.dispose();
		expect(existsSync(dirname(path))).toBe(false);

		const { stream, seen } = source(100, 1000);
		expect((await refusal(spoolToTempFile(request(stream), 2999))).limit).toBe(2999);
		expect(seen.pulled).toBeLessThanOrEqual(5);
		expect(seen.cancelled).toBe(false);
	});
});

describe('formatLimit', () => {
	it.each([
		[2 * 1024 * 1024, 'da', '2 MB'],
		[256 * 1024, 'da', '0,25 MB'],
		[256 * 1024, 'en', '0.25 MB'],
		[400 * 1024 * 1024, 'da', '400 MB'],
		[12 * 1024 * 1024, 'en', '12 MB']
	] as const)('names %i bytes in MB (%s): %s', (bytes, locale, text) => {
		expect(formatLimit(bytes, locale)).toBe(text);
	});
});
