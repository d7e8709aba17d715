/**
 * The web server's one database handle, opened by `init` in `hooks.server.ts` (never during
 * `vite build`, which imports server modules to analyse them) and closed on shutdown.
 */
import { getConfig } from './config';
import type { DbHandle } from './db/client';
import { logger } from './log';
import { startSchedule, stopSchedule } from './scheduler';
import { openAndPrepare } from './services/platform';
import { removeStaleTempDirs } from './temp-files';

let handle: Promise<DbHandle> | undefined;

export function startApp(): Promise<DbHandle> {
	if (!handle) {
		// A process killed mid-upload or mid-conversion leaves its temp folder behind; every start
		// of the web server (`npm start` and `klyngeradar serve` both come through here) removes
		// those whose process is gone.
		const removed = removeStaleTempDirs();
		if (removed.length > 0) logger.info('Removed stale temporary folders', { removed });
		handle = openAndPrepare(getConfig(), (message) => console.log(message)).then((opened) => {
			logger.info('Database ready', { kind: opened.kind });
			startSchedule(opened);
			return opened;
		});
	}
	return handle;
}

export async function stopApp(): Promise<void> {
	if (!handle) return;
	stopSchedule();
	const opened = await handle;
	handle = undefined;
	await opened.close();
}
