/**
 * Work the web server does by itself: once a day (first a minute after start) it sends the
 * follow-up reminders that are due. Each item is reminded once, so a restart sends nothing twice.
 */
import { getConfig } from './config';
import type { DbHandle } from './db/client';
import { logger } from './log';
import { sendDueReminders } from './services/agreements';

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_MS = 60 * 1000;
let timers: NodeJS.Timeout[] = [];

async function remind(handle: DbHandle): Promise<void> {
	const config = getConfig();
	const base = config.server.origin ?? `http://${config.server.host}:${config.server.port}`;
	try {
		const result = await sendDueReminders(
			{ db: handle.db, actor: { kind: 'system', label: 'scheduler' }, locale: config.lang },
			base
		);
		if (result.sent > 0) logger.info('Follow-up reminders sent', result);
	} catch (error) {
		logger.error('Sending follow-up reminders failed', { error });
	}
}

export function startSchedule(handle: DbHandle): void {
	stopSchedule();
	const first = setTimeout(() => void remind(handle), FIRST_RUN_MS);
	const daily = setInterval(() => void remind(handle), DAY_MS);
	// The schedule must never keep the process alive on its own.
	first.unref();
	daily.unref();
	timers = [first, daily];
}

export function stopSchedule(): void {
	for (const timer of timers) clearTimeout(timer);
	timers = [];
}
