/**
 * An uploaded or local file to import, read as a stream so a national register extract never
 * sits in memory whole: a file on disk (the CLI, and uploads spooled to a temporary file), or
 * bytes already in memory (small uploads and tests).
 */
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readAtMost, type BodySource } from '../read-body';
import { makeTempDir } from '../temp-files';

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

/**
 * Writes a request body to a temporary file as it arrives, so a large upload is never held in
 * memory; stops with `BodyTooLarge` (`read-body.ts`) past `maxBytes`, counted on the bytes
 * received. The caller removes the file (`dispose`); one left by a crash is removed at the next
 * server start (`removeStaleTempDirs`).
 */
export async function spoolToTempFile(
	request: BodySource,
	maxBytes: number
): Promise<{ source: ImportSource; dispose: () => void }> {
	// Named with this process's pid: if the process dies mid-upload, the next start removes it.
	const dir = makeTempDir('upload');
	const path = join(dir, 'upload');
	const dispose = () => rmSync(dir, { recursive: true, force: true });
	try {
		await pipeline(Readable.from(readAtMost(request, maxBytes)), createWriteStream(path));
		return { source: { path }, dispose };
	} catch (err) {
		dispose();
		throw err;
	}
}
