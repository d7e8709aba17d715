/**
 * A small structured logger: one line per event on stdout/stderr, level from config. Errors are
 * printed with their stack here, and only here; clients get an error id instead.
 */
import { getConfig } from './config';

const levels = { error: 0, warn: 1, info: 2, debug: 3 } as const;
type Level = keyof typeof levels;

function enabled(level: Level): boolean {
	let configured: Level = 'info';
	try {
		configured = getConfig().logLevel;
	} catch {
		// A broken config is reported elsewhere; keep logging at the default level meanwhile.
	}
	return levels[level] <= levels[configured];
}

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
	if (!enabled(level)) return;
	const time = new Date().toISOString();
	let extra = '';
	let stack = '';
	if (fields) {
		const { error, ...rest } = fields;
		if (Object.keys(rest).length > 0) extra = ` ${JSON.stringify(rest)}`;
		if (error instanceof Error) stack = `\n${error.stack ?? error.message}`;
		else if (error !== undefined) stack = `\n${String(error)}`;
	}
	const line = `${time} ${level.toUpperCase()} ${message}${extra}${stack}`;
	if (level === 'error' || level === 'warn') console.error(line);
	else console.log(line);
}

export const logger = {
	error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
	warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
	info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
	debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields)
};
