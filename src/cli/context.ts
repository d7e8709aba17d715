import { ConfigError, getConfig, overrideEnvironment, type Config } from '$lib/server/config';
import { createDb, type DbHandle } from '$lib/server/db/client';
import { migrate } from '$lib/server/db/migrate';
import type { Actor } from '$lib/domain/access';
import type { Locale } from '$lib/format';
import type { Ctx } from '$lib/server/services/context';
import type { OrganisationRef } from '$lib/domain/organisations';
import type { Db } from '$lib/server/db/client';
import { openOrganisations } from '$lib/server/services/organisations';
import { inOrganisation } from '$lib/server/db/scope';
import { m } from '$lib/server/i18n';
import { ValidationError } from '$lib/domain/errors';

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
	/**
	 * Opens the database, applies migrations unless told not to, runs `fn`, and closes it.
	 * `scope` (default `transaction`): `fn` runs in one transaction scoped to the organisation
	 * (`--organisation`, or the installation's only one); `own` names the organisation but
	 * leaves the transactions to the service (the company import reads its file outside one);
	 * `none` for commands on the installation itself (migrations, backup, seeding).
	 */
	withDb<T>(
		fn: (handle: DbHandle, ctx: Ctx) => Promise<T>,
		options?: { migrate?: boolean; scope?: 'transaction' | 'own' | 'none' }
	): Promise<T>;
}

export interface GlobalOptions {
	dataDir?: string;
	json?: boolean;
	lang?: string;
	organisation?: string;
}

const cliActor: Actor = { kind: 'system', label: 'cli' };

const refused = (message: string) =>
	new ValidationError(message, [{ path: ['organisation'], message }]);

/**
 * The organisation a command acts in: the one `--organisation` names, else the installation's
 * only one. With several and none named the command is refused with the codes to choose from.
 */
async function organisationFor(
	db: Db,
	code: string | undefined,
	locale: Locale
): Promise<OrganisationRef> {
	const open = await openOrganisations(db);
	const codes = open.map((organisation) => organisation.code).join(', ');
	if (code !== undefined) {
		const named = open.find((organisation) => organisation.code === code);
		if (!named) throw refused(m.cli_organisation_unknown({ code, codes }, { locale }));
		return named;
	}
	const [only, ...others] = open;
	if (!only || others.length > 0) throw refused(m.cli_organisation_needed({ codes }, { locale }));
	return only;
}

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
		async withDb(fn, { migrate: shouldMigrate = true, scope = 'transaction' } = {}) {
			const handle = await createDb(config().database);
			try {
				if (shouldMigrate) await migrate(handle);
				const base: Ctx = { db: handle.db, actor: cliActor, locale };
				if (scope === 'none') return await fn(handle, base);
				const organisation = await organisationFor(handle.db, options.organisation, locale);
				if (scope === 'own') return await fn(handle, { ...base, organisation });
				return await inOrganisation(
					handle.db,
					organisation.id,
					(tx) => fn(handle, { ...base, db: tx, organisation, scoped: true }),
					{ rowSecurity: config().rowSecurity }
				);
			} finally {
				await handle.close();
			}
		}
	};
	return cli;
}
