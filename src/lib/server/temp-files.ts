/**
 * Klyngeradar's temporary folders: uploads spooled to disk and LibreOffice conversions. Each one
 * is `klyngeradar-<purpose>-<pid>-XXXXXX` in the system's temp folder, so one killed in the middle
 * (SIGKILL, out of memory, power cut) leaves a folder that names its owner, and the next start
 * can tell a leftover from a folder another running server or CLI is still using. They live
 * directly in the temp folder, not in a shared app folder there: on a shared `/tmp` another user
 * could create that folder first and read what we write into it, while `mkdtemp` always makes a
 * new folder of our own.
 */
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type TempPurpose = 'upload' | 'deck';

/** `klyngeradar-upload-4711-AbC123`: purpose, owner pid, mkdtemp's six characters. */
const OURS = /^klyngeradar-(upload|deck)-(\d+)-[A-Za-z0-9]{6}$/;

/** Folders from versions before the owner's pid was part of the name: only their age tells. */
const LEGACY = /^klyngeradar-(upload|deck)-[A-Za-z0-9]{6}$/;
/** No upload or conversion runs this long: a legacy folder this old is a leftover. */
const LEGACY_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The prefix for `mkdtemp`: a new private folder (mode 0700) of this process. */
export function tempDirPrefix(purpose: TempPurpose, root = tmpdir()): string {
	return join(root, `klyngeradar-${purpose}-${process.pid}-`);
}

/** A new temp folder for this process; the caller removes it when done. */
export function makeTempDir(purpose: TempPurpose, root = tmpdir()): string {
	return mkdtempSync(tempDirPrefix(purpose, root));
}

function running(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		// EPERM: the process exists but belongs to another user.
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export interface StaleTempOptions {
	/** The folder to clean; the system's temp folder by default. */
	root?: string;
	/** When this process started (ms since the epoch). */
	startedAt?: number;
	/** Whether a process still runs; injectable so a test needs no real dead pid. */
	isRunning?: (pid: number) => boolean;
}

/**
 * Removes the temp folders left by Klyngeradar processes that no longer run, and returns their
 * paths. Only folders named like ours are looked at, and one is removed only when its owner has
 * gone: a folder whose pid runs belongs to another server or CLI in the middle of an upload or a
 * conversion. A folder with this process's own pid that is older than this process was left by an
 * earlier process the pid was reused from. Another user's folders are left alone, and the clean-up
 * never throws, so it cannot stop a start.
 */
export function removeStaleTempDirs(options: StaleTempOptions = {}): string[] {
	const root = options.root ?? tmpdir();
	const startedAt = options.startedAt ?? Date.now() - process.uptime() * 1000;
	const isRunning = options.isRunning ?? running;
	const uid = process.getuid?.();
	let names: string[];
	try {
		names = readdirSync(root);
	} catch {
		return [];
	}
	const removed: string[] = [];
	for (const name of names) {
		const match = OURS.exec(name);
		const legacy = !match && LEGACY.test(name);
		if (!match && !legacy) continue;
		const path = join(root, name);
		try {
			// lstat: a symlink named like ours is not followed, only a real folder of this user counts.
			const info = lstatSync(path);
			if (!info.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
			const pid = Number(match?.[2]);
			const stale = legacy
				? info.mtimeMs < startedAt - LEGACY_MAX_AGE_MS
				: pid === process.pid
					? info.mtimeMs < startedAt
					: !isRunning(pid);
			if (!stale) continue;
			rmSync(path, { recursive: true, force: true });
			removed.push(path);
		} catch {
			// Gone meanwhile, or not ours to remove.
		}
	}
	return removed;
}
