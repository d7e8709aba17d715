import { Command, CommanderError } from 'commander';
import { DomainError, ValidationError } from '$lib/domain/errors';
import { ConfigError } from '$lib/server/config';
import { connectionLostError } from '$lib/server/db/errors';
import { DataDirLockedError } from '$lib/server/db/lock';
import { m } from '$lib/server/i18n';
import type { Locale } from '$lib/format';
import { createCli, type Cli, type GlobalOptions } from './context';
import { registerBackup } from './commands/backup';
import { registerClusters } from './commands/clusters';
import { registerDb } from './commands/db';
import { registerServe } from './commands/serve';
import { registerSurvey } from './commands/survey';
import { registerStrategy } from './commands/strategy';
import { registerAgreements } from './commands/agreements';
import { registerMeetings } from './commands/meetings';
import { registerCompanies } from './commands/companies';
import { registerToken } from './commands/token';
import { registerUser } from './commands/user';
import { registerOrganisation } from './commands/organisation';
import { registerNational } from './commands/national';

/** Exit codes: 0 done, 1 the command failed (bad data, not found, …), 2 wrong usage or config. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type CliAction = (cli: Cli, ...args: unknown[]) => Promise<void>;

/** Language for help texts, decided before parsing: --lang, then KLYNGERADAR_LANG, then Danish. */
function preLocale(argv: string[]): Locale {
	const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
	const value =
		index === -1
			? undefined
			: argv[index]?.includes('=')
				? argv[index]?.split('=')[1]
				: argv[index + 1];
	if (value === 'en' || value === 'da') return value;
	try {
		return createCli({}, { out: process.stdout, err: process.stderr }).locale;
	} catch {
		return 'da';
	}
}

/** Commander's own usage errors, said in the user's language. */
function usageMessage(err: CommanderError, locale: Locale): string {
	const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
	const o = { locale };
	switch (err.code) {
		case 'commander.unknownOption':
			return m.cli_unknown_option({ option: quoted }, o);
		case 'commander.unknownCommand':
			return m.cli_unknown_command({ command: quoted }, o);
		case 'commander.missingArgument':
			return m.cli_missing_argument({ argument: quoted }, o);
		case 'commander.optionMissingArgument':
			return m.cli_option_missing_value({ option: quoted }, o);
		case 'commander.missingMandatoryOptionValue':
			return m.cli_missing_option({ option: quoted }, o);
		case 'commander.excessArguments':
			return m.cli_excess_arguments({}, o);
		case 'commander.invalidArgument':
			return m.cli_invalid_argument({ detail: err.message.replace(/^error: /, '') }, o);
		default:
			return err.message.replace(/^error: /, '');
	}
}

export function buildProgram(
	locale: Locale,
	io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }
): {
	program: Command;
	exitCode: () => number;
} {
	let exitCode = 0;
	const o = { locale };
	const program = new Command('klyngeradar')
		.description(m.cli_description({}, o))
		.option('--data-dir <dir>', m.cli_opt_data_dir({}, o))
		.option('--json', m.cli_opt_json({}, o))
		.option('--lang <da|en>', m.cli_opt_lang({}, o))
		.option('--organisation <code>', m.cli_opt_organisation({}, o))
		.helpOption('-h, --help', m.cli_opt_help({}, o))
		.helpCommand(false)
		.showSuggestionAfterError(true)
		.configureOutput({
			writeOut: (text) => io.out.write(text),
			writeErr: () => undefined,
			outputError: () => undefined
		})
		.exitOverride();

	/** Wraps a command's action: builds the CLI context and turns failures into messages. */
	const action =
		(run: CliAction) =>
		async (...args: unknown[]) => {
			const command = args.at(-1) as Command;
			const cli = createCli(command.optsWithGlobals<GlobalOptions>(), io);
			try {
				await run(cli, ...args);
			} catch (err) {
				exitCode = reportFailure(cli, err);
			}
		};

	registerServe(program, action, o);
	registerDb(program, action, o);
	registerUser(program, action, o);
	registerOrganisation(program, action, o);
	registerNational(program, action, o);
	registerToken(program, action, o);
	registerClusters(program, action, o);
	registerSurvey(program, action, o);
	registerStrategy(program, action, o);
	registerAgreements(program, action, o);
	registerMeetings(program, action, o);
	registerCompanies(program, action, o);
	registerBackup(program, action, o);
	for (const command of program.commands) {
		command.exitOverride().configureOutput({
			writeOut: (text) => io.out.write(text),
			writeErr: () => undefined,
			outputError: () => undefined
		});
		command.helpOption('-h, --help', m.cli_opt_help({}, o));
		for (const sub of command.commands) {
			sub.exitOverride().configureOutput({
				writeOut: (text) => io.out.write(text),
				writeErr: () => undefined,
				outputError: () => undefined
			});
			sub.helpOption('-h, --help', m.cli_opt_help({}, o));
		}
	}
	return { program, exitCode: () => exitCode };
}

function reportFailure(cli: Cli, caught: unknown): number {
	// A lost database connection is said in one line, like a domain error: nothing was saved.
	const err = connectionLostError(caught, cli.locale) ?? caught;
	if (err instanceof ValidationError) {
		if (cli.json) cli.printJson({ error: { message: err.message, issues: err.issues } });
		cli.error(err.message);
		for (const issue of err.issues) cli.error(`  ${issue.path.join('.') || '·'}: ${issue.message}`);
		return EXIT_FAILED;
	}
	if (err instanceof DomainError) {
		if (cli.json) cli.printJson({ error: { message: err.message } });
		cli.error(err.message);
		return EXIT_FAILED;
	}
	if (err instanceof DataDirLockedError) {
		cli.error(m.cli_data_dir_locked({ dir: err.dataDir, pid: err.pid }, { locale: cli.locale }));
		return EXIT_FAILED;
	}
	if (err instanceof ConfigError) {
		cli.error(err.message);
		return EXIT_USAGE;
	}
	throw err;
}

/** Runs the CLI with process-style argv and returns the exit code. */
export async function main(
	argv: string[],
	io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream } = {
		out: process.stdout,
		err: process.stderr
	}
): Promise<number> {
	const locale = preLocale(argv.slice(2));
	const { program, exitCode } = buildProgram(locale, io);
	try {
		await program.parseAsync(argv);
		if (argv.length <= 2) {
			io.out.write(program.helpInformation());
		}
		return exitCode();
	} catch (err) {
		if (err instanceof CommanderError) {
			if (
				err.code === 'commander.helpDisplayed' ||
				err.code === 'commander.version' ||
				err.code === 'commander.help'
			)
				return 0;
			io.err.write(
				`klyngeradar: ${usageMessage(err, locale)}\n${m.cli_see_help({}, { locale })}\n`
			);
			return EXIT_USAGE;
		}
		if (err instanceof ConfigError) {
			io.err.write(`${err.message}\n`);
			return EXIT_USAGE;
		}
		io.err.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
		return EXIT_FAILED;
	}
}
