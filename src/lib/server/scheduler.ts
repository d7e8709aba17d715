/**
 * Work the web server does by itself: once a day (first a minute after start) it sends the
 * follow-up reminders that are due, for each organisation in its own scope. Each item is
 * reminded once, so a restart sends nothing twice.
 */
import { getConfig } from './config';
import type { DbHandle } from './db/client';
import { logger } from './log';
import { sendDueReminders } from './services/agreements';
import { scoped } from './services/context';
import { openOrganisations } from './services/organisations';

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_MS = 60 * 1000;
let timers: NodeJS.Timeout[] = [];

async function remind(handle: DbHandle): Promise<void> {
	const config = getConfig();
	const base = config.server.origin ?? `http://${config.server.host}:${config.server.port}`;
	const organisations = await openOrganisations(handle.db).catch((error: unknown) => {
		logger.error('Reading the organisations for the reminders failed', { error });
		return [];
	});
	for (const organisation of organisations) {
		try {
			const result = await scoped(
				{
					db: handle.db,
					actor: { kind: 'system', label: 'scheduler' },
					locale: organisation.settings.locale ?? config.lang,
					organisation
				},
				(ctx) => sendDueReminders(ctx, base)
			);
			if (result.sent > 0)
				logger.info('Follow-up reminders sent', { organisation: organisation.code, ...result });
		} catch (error) {
			logger.error('Sending follow-up reminders failed', {
				organisation: organisation.code,
				error
			});
		}
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
