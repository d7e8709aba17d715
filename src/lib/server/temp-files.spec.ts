import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	symlinkSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSource, spoolToTempFile } from './import/source';
import { makeTempDir, removeStaleTempDirs } from './temp-files';

const HOUR = 60 * 60 * 1000;
let root: string;

/** A folder in the test's stand-in temp folder, with a file in it, last changed `age` ago. */
function folder(name: string, age = 0): string {
	const path = join(root, name);
	mkdirSync(path);
	writeFileSync(join(path, 'upload'), 'cvr;navn\n');
	const when = new Date(Date.now() - age);
	utimesSync(path, when, when);
	return path;
}

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'kr-temp-files-test-'));
});

afterEach(() => {
	rmSync(root, { recursive: true, force: true });
});

describe('removeStaleTempDirs', () => {
	it('removes the folders of processes that are gone and leaves everything else', () => {
		const startedAt = Date.now() - 60_000;
		const dead = folder('klyngeradar-upload-999999-AbC123');
		const deadDeck = folder('klyngeradar-deck-999998-x1Y2z3', 3 * HOUR);
		const ownEarlier = folder(`klyngeradar-upload-${process.pid}-Old123`, 2 * HOUR);
		const legacyOld = folder('klyngeradar-upload-Lg1234', 48 * HOUR);
		const kept = [
			// Another server or CLI in the middle of an upload.
			folder('klyngeradar-upload-4242-Run123', 3 * HOUR),
			// This process's own upload, in progress.
			makeTempDir('upload', root),
			// From an older version, but recent enough to be some old process's running upload.
			folder('klyngeradar-upload-Lg5678', HOUR),
			// Not ours.
			folder('other-app-upload-999999-AbC123', 3 * HOUR),
			folder('klyngeradar-cli-AbC123', 3 * HOUR),
			folder('klyngeradar-upload-999999-AbC123-extra', 3 * HOUR)
		];
		const foreignFile = join(root, 'foreign.txt');
		writeFileSync(foreignFile, 'someone else’s');
		const lookalikeFile = join(root, 'klyngeradar-upload-999997-File12');
		writeFileSync(lookalikeFile, 'a file, not a folder of ours');
		// A symlink named like ours is never followed into what it points at.
		const outside = folder('outside-target');
		const link = join(root, 'klyngeradar-upload-999996-Link12');
		symlinkSync(outside, link);

		const removed = removeStaleTempDirs({
			root,
			startedAt,
			isRunning: (pid) => pid === 4242
		});

		expect(removed.sort()).toEqual([dead, deadDeck, legacyOld, ownEarlier].sort());
		for (const path of removed) expect(existsSync(path), path).toBe(false);
		for (const path of [...kept, foreignFile, lookalikeFile, link, outside])
			expect(existsSync(path), path).toBe(true);
		expect(readdirSync(outside)).toEqual(['upload']);
	});

	it('asks the operating system whether the owner still runs', () => {
		// A child that has exited: its pid no longer runs.
		const gone = spawnSync(process.execPath, ['-e', '']).pid;
		const stale = folder(`klyngeradar-upload-${gone}-Gone12`);
		const parent = folder(`klyngeradar-upload-${process.ppid}-Live12`);
		expect(removeStaleTempDirs({ root })).toEqual([stale]);
		expect(existsSync(parent)).toBe(true);
	});

	it('is quiet about a temp folder that does not exist', () => {
		expect(removeStaleTempDirs({ root: join(root, 'missing') })).toEqual([]);
	});
});

describe('spoolToTempFile', () => {
	it('spools into a folder named with this process, which dispose removes', async () => {
		const body = new Blob(['cvr;navn\n12345678;Test ApS\n']).stream();
		const { source, dispose } = await spoolToTempFile(body, 1024);
		if (!('path' in source)) throw new Error('expected a file on disk');
		const dir = dirname(source.path);
		expect(dirname(dir)).toBe(tmpdir());
		expect(basename(dir)).toMatch(new RegExp(`^klyngeradar-upload-${process.pid}-[A-Za-z0-9]{6}$`));
		const chunks: Buffer[] = [];
		for await (const chunk of openSource(source)) chunks.push(chunk as Buffer);
		expect(Buffer.concat(chunks).toString()).toContain('Test ApS');
		dispose();
		expect(existsSync(dir)).toBe(false);
	});
});
