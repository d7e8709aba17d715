/**
 * PDF from a deck through LibreOffice headless (Debian: `libreoffice-impress`). Each conversion
 * gets its own profile directory — parallel conversions sharing the default profile silently lose
 * files — and conversions run one at a time, because each takes a core and ~200 MB.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDirPrefix } from '../temp-files';

const FALLBACKS = ['libreoffice', '/usr/lib/libreoffice/program/soffice'];

/**
 * The LibreOffice binary: `name` as a path, or looked up on `searchPath` (then the Debian
 * locations); null when it is not installed.
 */
export function findSoffice(name: string, searchPath: string): string | null {
	for (const candidate of [name, ...FALLBACKS]) {
		if (isAbsolute(candidate)) {
			if (existsSync(candidate)) return candidate;
			continue;
		}
		for (const dir of searchPath.split(delimiter).filter(Boolean)) {
			if (existsSync(join(dir, candidate))) return join(dir, candidate);
		}
	}
	return null;
}

let queue: Promise<unknown> = Promise.resolve();

function run(binary: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		execFile(binary, args, { timeout: 180_000 }, (error, _stdout, stderr) => {
			if (error) reject(new Error(`LibreOffice failed: ${stderr || error.message}`));
			else resolve();
		});
	});
}

async function convert(binary: string, pptx: Buffer): Promise<Buffer> {
	const dir = await mkdtemp(tempDirPrefix('deck'));
	try {
		const input = join(dir, 'deck.pptx');
		await writeFile(input, pptx);
		await run(binary, [
			`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
			'--headless',
			'--norestore',
			'--convert-to',
			'pdf',
			'--outdir',
			dir,
			input
		]);
		return await readFile(join(dir, 'deck.pdf'));
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** Converts a .pptx to PDF, one conversion at a time. */
export function pptxToPdf(binary: string, pptx: Buffer): Promise<Buffer> {
	const job = queue.then(() => convert(binary, pptx));
	queue = job.catch(() => undefined);
	return job;
}
