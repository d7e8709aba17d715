/**
 * An uploaded or local file to import, read as a stream so a national register extract never
 * sits in memory whole: a file on disk (the CLI, and uploads spooled to a temporary file), or
 * bytes already in memory (small uploads and tests).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type ImportSource = { path: string } | { bytes: Uint8Array };

/** The file's size in bytes. */
export function sourceSize(source: ImportSource): number {
	return 'path' in source ? statSync(source.path).size : source.bytes.length;
}

/** A fresh stream of the file's bytes; every call starts at the beginning. */
export function openSource(source: ImportSource, highWaterMark = 1024 * 1024): Readable {
	if ('path' in source) return createReadStream(source.path, { highWaterMark });
	const { bytes } = source;
	// Chunks, so a large in-memory file is parsed with the same back-pressure as one on disk.
	return Readable.from(
		(function* () {
			for (let at = 0; at < bytes.length; at += highWaterMark)
				yield Buffer.from(
					bytes.buffer,
					bytes.byteOffset + at,
					Math.min(highWaterMark, bytes.length - at)
				);
		})()
	);
}

/** Raised when a streamed upload grows past the size limit. */
export class UploadTooLarge extends Error {}

/**
 * Writes a request body to a temporary file as it arrives, so a large upload is never held in
 * memory; stops with `UploadTooLarge` past `maxBytes`. The caller removes the file (`dispose`).
 */
export async function spoolToTempFile(
	body: ReadableStream<Uint8Array> | null,
	maxBytes: number
): Promise<{ source: ImportSource; dispose: () => void }> {
	const dir = mkdtempSync(join(tmpdir(), 'klyngeradar-upload-'));
	const path = join(dir, 'upload');
	const dispose = () => rmSync(dir, { recursive: true, force: true });
	let bytes = 0;
	const limit = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			bytes += chunk.length;
			done(bytes > maxBytes ? new UploadTooLarge() : null, chunk);
		}
	});
	try {
		const input = body ? Readable.fromWeb(body as never) : Readable.from([]);
		await pipeline(input, limit, createWriteStream(path));
		return { source: { path }, dispose };
	} catch (err) {
		dispose();
		throw err;
	}
}
