/**
 * How far the imports running in this server process have come, so the upload page can show
 * rows read and the share of the file while its form post is still being answered. Keyed by a
 * token the page makes for each upload, and readable only by the user who started it.
 */
import type { ImportProgress } from '../services/companies';

interface Entry {
	userId: string;
	progress: ImportProgress;
	at: number;
}

/** An entry is forgotten this long after its last change. */
const KEEP_MS = 10 * 60 * 1000;
const TOKEN = /^[A-Za-z0-9-]{16,64}$/;
const running = new Map<string, Entry>();

function sweep(now: number): void {
	for (const [token, entry] of running) if (now - entry.at > KEEP_MS) running.delete(token);
}

export function isProgressToken(token: string | null | undefined): token is string {
	return typeof token === 'string' && TOKEN.test(token);
}

/** A progress callback for an import that reports under `token`. */
export function reportProgress(token: string, userId: string): (progress: ImportProgress) => void {
	return (progress) => {
		const now = Date.now();
		sweep(now);
		running.set(token, { userId, progress, at: now });
	};
}

export function finishProgress(token: string): void {
	running.delete(token);
}

export function progressOf(token: string, userId: string): ImportProgress | null {
	const entry = running.get(token);
	return entry && entry.userId === userId ? entry.progress : null;
}
