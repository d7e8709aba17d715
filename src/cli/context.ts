import { ConfigError, getConfig, overrideEnvironment, type Config } from '$lib/server/config';
import { createDb, type DbHandle } from '$lib/server/db/client';
import { migrate } from '$lib/server/db/migrate';
import type { Actor } from '$lib/domain/access';
import type { Locale } from '$lib/format';
import type { Ctx } from '$lib/server/services/context';

/** What every command gets: output in the chosen language or as JSON, config and the database. */
export interface Cli {
	locale: Locale;
	json: boolean;
	print(text: string): void;
	printJson(value: unknown): void;
	/** Prints a value as JSON with --json, or the text otherwise. */
	result(value: unknown, text: () => string): void;
	error(text: string): void;
	config(): Config;
	/** Opens the database, applies migrations unless told not to, runs `fn`, and closes it. */
	withDb<T>(
		fn: (handle: DbHandle, ctx: Ctx) => Promise<T>,
		options?: { migrate?: boolean }
	): Promise<T>;
}

export interface GlobalOptions {
	dataDir?: string;
	json?: boolean;
	lang?: string;
}

const cliActor: Actor = { kind: 'system', label: 'cli' };

export function createCli(
	options: GlobalOptions,
	io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }
): Cli {
	if (options.dataDir) overrideEnvironment({ KLYNGERADAR_DATA_DIR: options.dataDir });
	if (options.lang) overrideEnvironment({ KLYNGERADAR_LANG: options.lang });
	const config = () => getConfig();
	let locale: Locale = options.lang === 'en' ? 'en' : 'da';
	try {
		locale = config().lang;
	} catch (err) {
		if (!(err instanceof ConfigError)) throw err;
	}
	const json = options.json === true;
	const cli: Cli = {
		locale,
		json,
		print: (text) => io.out.write(`${text}\n`),
		printJson: (value) => io.out.write(`${JSON.stringify(value, null, 2)}\n`),
		result: (value, text) => (json ? cli.printJson(value) : cli.print(text())),
		error: (text) => io.err.write(`${text}\n`),
		config,
		async withDb(fn, { migrate: shouldMigrate = true } = {}) {
			const handle = await createDb(config().database);
			try {
				if (shouldMigrate) await migrate(handle);
				return await fn(handle, { db: handle.db, actor: cliActor, locale });
			} finally {
				await handle.close();
			}
		}
	};
	return cli;
}
