/**
 * An upload form read as it arrives. `request.formData()` holds the whole body, file included,
 * in memory until the last byte is in; here the file part is written to a temporary file while
 * it is received, and only the form's short text fields are kept, as many and as long as a page
 * sends.
 */
import { Busboy, type BusboyFileStream, type BusboyInstance } from '@fastify/busboy';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BodyTooLarge, readAtMost } from '../read-body';
import { makeTempDir } from '../temp-files';
import type { ImportSource } from './source';

export interface SpooledForm {
	/** The text fields, as `request.formData()` gives them; no files. */
	fields: FormData;
	/** The file sent under the file field, on disk; null when the form sent none. */
	file: { source: ImportSource; name: string } | null;
	/** Removes the temporary file. */
	dispose(): void;
}

export interface SpoolLimits {
	/** The whole body, counted on the bytes received (`BodyTooLarge` beyond). */
	maxBytes: number;
	/** Text fields; a form with more is refused rather than read in part. */
	maxFields?: number;
	/** One text field's value; a longer one is refused rather than cut. */
	maxFieldBytes?: number;
}

/** Far more than the upload page sends (its kind, cluster, year, progress and column fields). */
const MAX_FIELDS = 100;
/** A column name, a cluster's slug or a year is a few hundred bytes at most. */
const MAX_FIELD_BYTES = 16 * 1024;

/**
 * A body that is not the form it says it is: not form data, cut short before its last boundary,
 * or more or longer fields, or more files, than a page sends.
 */
export class FormUnreadable extends Error {
	override name = 'FormUnreadable';
}

/**
 * Reads a form post of at most `limits.maxBytes`, writing the file under `fileField` to a
 * temporary file as it arrives; a single file under another name is read past, as
 * `formData().get()` passes it over. Throws `BodyTooLarge` past the limit and `FormUnreadable` for a broken form,
 * in both cases with the temporary file already removed. The caller removes it after a success
 * (`dispose`); one left by a crash is removed at the next start (`removeStaleTempDirs`).
 */
export async function spoolForm(
	request: Request,
	fileField: string,
	limits: SpoolLimits
): Promise<SpooledForm> {
	const maxFields = limits.maxFields ?? MAX_FIELDS;
	const fields = new FormData();
	let file: SpooledForm['file'] = null;
	let dir: string | null = null;
	const dispose = () => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	};
	let parser: BusboyInstance;
	try {
		parser = Busboy({
			headers: { 'content-type': request.headers.get('content-type') ?? '' },
			// Past a limit busboy drops the rest without a word; its events below refuse the form.
			limits: { fields: maxFields, fieldSize: limits.maxFieldBytes ?? MAX_FIELD_BYTES, files: 1 }
		});
	} catch (err) {
		throw new FormUnreadable('The body is not form data.', { cause: err });
	}
	const refuse = (reason: string) => parser.destroy(new FormUnreadable(reason));
	// A failure of our own (the disk), as against the form's: it is not the sender's to fix.
	let failure: unknown = null;
	const streams: BusboyFileStream[] = [];
	const writes: Promise<void>[] = [];

	parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
		if (valueTruncated) refuse(`The field ${name} is longer than a page sends.`);
		else fields.append(name, value);
	});
	parser.on('fieldsLimit', () => refuse(`The form has more than ${maxFields} fields.`));
	parser.on('filesLimit', () => refuse('The form has more files than a page sends.'));
	parser.on('file', (name, stream, filename) => {
		streams.push(stream);
		// A body cut off in a part fails the parser too, which is where it is handled.
		stream.on('error', () => undefined);
		if (name !== fileField) {
			stream.resume();
			return;
		}
		try {
			// Named with this process's pid: if the process dies mid-upload, the next start removes it.
			dir = makeTempDir('upload');
		} catch (err) {
			failure = err;
			parser.destroy(err as Error);
			stream.resume();
			return;
		}
		const path = join(dir, 'upload');
		// A part of type octet-stream is a file even without a filename.
		file = { source: { path }, name: filename ?? '' };
		const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
		out.on('error', (err) => {
			// A failed system call is the disk's; anything else came down from the form's part.
			if (!('syscall' in err)) return;
			failure ??= err;
			parser.destroy(err);
		});
		const written = pipeline(stream, out);
		// Awaited below; until then a failure must not count as unhandled.
		written.catch(() => undefined);
		writes.push(written);
	});

	try {
		await pipeline(Readable.from(readAtMost(request, limits.maxBytes)), parser);
		await Promise.all(writes);
		return { fields, file, dispose };
	} catch (err) {
		// A file left half-read by a refusal never ends by itself; its file is closed before removal.
		for (const stream of streams) stream.destroy();
		await Promise.allSettled(writes);
		dispose();
		if (failure) throw failure;
		if (err instanceof BodyTooLarge || err instanceof FormUnreadable) throw err;
		throw new FormUnreadable('The form did not arrive whole.', { cause: err });
	}
}
