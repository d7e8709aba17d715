/**
 * PGlite is one process, one connection: two processes opening the same data directory would
 * corrupt it. Whoever opens it writes `<dataDir>.lock` with its pid; others refuse while that
 * process lives. A lock left by a crashed process is taken over.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export class DataDirLockedError extends Error {
	override name = 'DataDirLockedError';
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(`The data directory ${dataDir} is in use by process ${pid}.`);
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function lockPath(dataDir: string): string {
	return `${resolve(dataDir)}.lock`;
}

/** Takes the lock for this process or throws DataDirLockedError; returns the release function. */
export function acquireDataDirLock(dataDir: string): () => void {
	const path = lockPath(dataDir);
	if (existsSync(path)) {
		const pid = Number(readFileSync(path, 'utf8').trim());
		if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
			throw new DataDirLockedError(resolve(dataDir), pid);
		}
	}
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, String(process.pid));
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		try {
			if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
		} catch {
			// Already gone: nothing to release.
		}
	};
	process.once('exit', release);
	return release;
}

/** Throws DataDirLockedError when another living process holds the data directory. */
export function assertDataDirFree(dataDir: string): void {
	const path = lockPath(dataDir);
	if (!existsSync(path)) return;
	const pid = Number(readFileSync(path, 'utf8').trim());
	if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
		throw new DataDirLockedError(resolve(dataDir), pid);
	}
}
