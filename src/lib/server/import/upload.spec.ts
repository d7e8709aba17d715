import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BodyTooLarge, withBodyLimit } from '../read-body';
import { FormUnreadable, spoolForm, type SpoolLimits } from './upload';

const URL = 'http://127.0.0.1/virksomheder?/upload';
const LIMITS: SpoolLimits = { maxBytes: 1024 * 1024 };

/** This process's upload folders in the temp folder: none may be left after a refusal. */
function uploadDirs(): string[] {
	const prefix = `klyngeradar-upload-${process.pid}-`;
	return readdirSync(tmpdir()).filter((name) => name.startsWith(prefix));
}

function formOf(entries: [string, string | File][]): FormData {
	const form = new FormData();
	for (const [name, value] of entries) form.append(name, value);
	return form;
}

/**
 * The multipart body the platform builds for `form`, sent on in pieces of `piece` bytes (as a
 * socket delivers it), and cut after `cutAt` bytes when given.
 */
async function post(
	form: FormData,
	options: { piece?: number; cutAt?: number } = {}
): Promise<Request> {
	const built = new Request(URL, { method: 'POST', body: form });
	const whole = new Uint8Array(await built.arrayBuffer());
	const bytes = whole.subarray(0, options.cutAt ?? whole.length);
	const piece = options.piece ?? 512;
	let at = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (at >= bytes.length) return controller.close();
			controller.enqueue(bytes.slice(at, at + piece));
			at += piece;
		}
	});
	return new Request(URL, {
		method: 'POST',
		body,
		headers: { 'content-type': built.headers.get('content-type') ?? '' },
		duplex: 'half'
	} as RequestInit);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		() => undefined,
		(err: unknown) => err
	);
}

const csv = 'cvr;navn\r\n12345678;Grøn Energi ApS\r\n';

describe('spoolForm', () => {
	it('keeps the text fields and writes the file to a folder of this process', async () => {
		const form = formOf([
			['progress', 'tok-1'],
			['kind', 'members'],
			['cluster', 'energi'],
			['year', '2023'],
			['mapping.name', 'Virksomhedsnavn (æøå)'],
			['mapping.name', 'second'],
			['file', new File([csv], 'medlemmer æøå.csv', { type: 'text/csv' })]
		]);
		const spooled = await spoolForm(await post(form), 'file', LIMITS);
		try {
			expect([...spooled.fields]).toEqual([
				['progress', 'tok-1'],
				['kind', 'members'],
				['cluster', 'energi'],
				['year', '2023'],
				['mapping.name', 'Virksomhedsnavn (æøå)'],
				['mapping.name', 'second']
			]);
			expect(spooled.file?.name).toBe('medlemmer æøå.csv');
			const source = spooled.file?.source;
			if (!source || !('path' in source)) throw new Error('expected a file on disk');
			expect(readFileSync(source.path, 'utf8')).toBe(csv);
			expect(dirname(dirname(source.path))).toBe(tmpdir());
			expect(basename(dirname(source.path))).toMatch(
				new RegExp(`^klyngeradar-upload-${process.pid}-[A-Za-z0-9]{6}$`)
			);
		} finally {
			spooled.dispose();
		}
		expect(uploadDirs()).toEqual([]);
	});

	it('writes a large binary file byte for byte, whatever the pieces it arrives in', async () => {
		// Random bytes hold line breaks and dashes that a parser could take for a boundary.
		const bytes = new Uint8Array(randomBytes(600 * 1024));
		const form = formOf([
			['kind', 'register'],
			['file', new File([bytes], 'udtræk.xlsx')]
		]);
		for (const piece of [7, 4093, 64 * 1024]) {
			const request = await post(form, { piece });
			const spooled = await spoolForm(request, 'file', LIMITS);
			try {
				const source = spooled.file?.source;
				if (!source || !('path' in source)) throw new Error('expected a file on disk');
				expect(readFileSync(source.path).equals(bytes)).toBe(true);
				expect(spooled.fields.get('kind')).toBe('register');
			} finally {
				spooled.dispose();
			}
		}
		expect(uploadDirs()).toEqual([]);
	}, 30_000);

	it('reads a form without a file, multipart or URL-encoded', async () => {
		const multipart = await spoolForm(await post(formOf([['kind', 'members']])), 'file', LIMITS);
		expect(multipart.file).toBeNull();
		expect(multipart.fields.get('kind')).toBe('members');
		multipart.dispose();

		const encoded = new Request(URL, {
			method: 'POST',
			body: new URLSearchParams({ kind: 'participants', year: '2024' })
		});
		const plain = await spoolForm(encoded, 'file', LIMITS);
		expect(plain.file).toBeNull();
		expect(Object.fromEntries(plain.fields)).toEqual({ kind: 'participants', year: '2024' });
		plain.dispose();
	});

	it('passes over a text field and a file sent under other names than the file field', async () => {
		const asText = await spoolForm(await post(formOf([['file', 'not a file']])), 'file', LIMITS);
		expect(asText.file).toBeNull();
		expect(asText.fields.get('file')).toBe('not a file');
		asText.dispose();

		const elsewhere = await spoolForm(
			await post(formOf([['attachment', new File([csv], 'a.csv')]])),
			'file',
			LIMITS
		);
		expect(elsewhere.file).toBeNull();
		elsewhere.dispose();
		expect(uploadDirs()).toEqual([]);
	});

	it('gives the empty file a browser sends for an empty file input, with its empty name', async () => {
		const spooled = await spoolForm(
			await post(formOf([['file', new File([], '')]])),
			'file',
			LIMITS
		);
		try {
			expect(spooled.file?.name).toBe('');
			const source = spooled.file?.source;
			if (!source || !('path' in source)) throw new Error('expected a file on disk');
			expect(readFileSync(source.path).length).toBe(0);
		} finally {
			spooled.dispose();
		}
	});

	it('refuses a file over the limit while it arrives, and leaves no file behind', async () => {
		const form = formOf([
			['kind', 'members'],
			['file', new File(['x'.repeat(20_000)], 'stor.csv')]
		]);
		const err = await failure(spoolForm(await post(form), 'file', { maxBytes: 10_000 }));
		expect(err).toBeInstanceOf(BodyTooLarge);
		expect((err as BodyTooLarge).limit).toBe(10_000);
		expect(uploadDirs()).toEqual([]);
	});

	it('counts a refusal by the pages’ limit in front of it as the same limit', async () => {
		const form = formOf([['file', new File(['x'.repeat(20_000)], 'stor.csv')]]);
		const limited = withBodyLimit(await post(form), 10_000, () => ({ status: 413 }));
		const err = await failure(spoolForm(limited, 'file', { maxBytes: 50_000 }));
		expect(err).toBeInstanceOf(BodyTooLarge);
		expect(uploadDirs()).toEqual([]);
	});

	it('refuses more text fields than allowed rather than drop the rest', async () => {
		const form = formOf([
			['a', '1'],
			['b', '2'],
			['c', '3'],
			['file', new File([csv], 'liste.csv')]
		]);
		(await spoolForm(await post(form), 'file', { ...LIMITS, maxFields: 3 })).dispose();
		form.append('d', '4');
		const err = await failure(spoolForm(await post(form), 'file', { ...LIMITS, maxFields: 3 }));
		expect(err).toBeInstanceOf(FormUnreadable);
		expect(uploadDirs()).toEqual([]);
	});

	it('refuses a text field longer than allowed rather than cut it', async () => {
		const limits = { ...LIMITS, maxFieldBytes: 10 };
		// Bytes are counted, not characters: "æøå-123" is ten.
		const fits = await spoolForm(await post(formOf([['cluster', 'æøå-123']])), 'file', limits);
		expect(fits.fields.get('cluster')).toBe('æøå-123');
		fits.dispose();
		const form = formOf([
			['file', new File([csv], 'liste.csv')],
			['cluster', 'æøå-1234']
		]);
		expect(await failure(spoolForm(await post(form), 'file', limits))).toBeInstanceOf(
			FormUnreadable
		);
		expect(uploadDirs()).toEqual([]);
	});

	it('refuses a second file rather than drop it', async () => {
		const form = formOf([
			['file', new File([csv], 'en.csv')],
			['file', new File([csv], 'to.csv')]
		]);
		expect(await failure(spoolForm(await post(form), 'file', LIMITS))).toBeInstanceOf(
			FormUnreadable
		);
		expect(uploadDirs()).toEqual([]);
	});

	it('refuses a body cut off in the file, in a part head, before any part or in a file passed over', async () => {
		const form = formOf([
			['kind', 'members'],
			['file', new File(['y'.repeat(5000)], 'liste.csv')]
		]);
		const whole = (await new Request(URL, { method: 'POST', body: form }).arrayBuffer()).byteLength;
		// `whole - 3` ends inside the closing boundary's "--".
		for (const cutAt of [whole - 100, whole - 3, 150, 10, 0]) {
			const err = await failure(spoolForm(await post(form, { cutAt }), 'file', LIMITS));
			expect(err, `cut at ${cutAt}`).toBeInstanceOf(FormUnreadable);
		}
		const passedOver = formOf([['attachment', new File(['y'.repeat(5000)], 'bilag.pdf')]]);
		const cut = await post(passedOver, { cutAt: 2000 });
		expect(await failure(spoolForm(cut, 'file', LIMITS))).toBeInstanceOf(FormUnreadable);
		expect(uploadDirs()).toEqual([]);
	});

	it('throws a failure of the disk as it is: it is not the sender’s to fix', async () => {
		vi.stubEnv('TMPDIR', join(tmpdir(), `missing-${process.pid}`));
		try {
			const form = formOf([['file', new File([csv], 'liste.csv')]]);
			const err = await failure(spoolForm(await post(form), 'file', LIMITS));
			expect(err).not.toBeInstanceOf(FormUnreadable);
			expect((err as NodeJS.ErrnoException).code).toBe('ENOENT');
		} finally {
			vi.unstubAllEnvs();
		}
	});

	it('refuses a body that is no form data', async () => {
		const cases: Record<string, string>[] = [
			{ 'content-type': 'text/csv' },
			{ 'content-type': 'multipart/form-data' },
			{}
		];
		for (const headers of cases) {
			const request = new Request(URL, { method: 'POST', body: csv, headers });
			if (!headers['content-type']) request.headers.delete('content-type');
			const err = await failure(spoolForm(request, 'file', LIMITS));
			expect(err, JSON.stringify(headers)).toBeInstanceOf(FormUnreadable);
		}
	});
});
