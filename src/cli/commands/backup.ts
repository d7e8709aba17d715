import type { Command } from 'commander';
import { m } from '$lib/server/i18n';
import { backupDatabase, restoreDatabase } from '$lib/server/services/platform';
import { formatNumber } from '$lib/format';
import type { ActionWrapper, Lang } from './types';

export function registerBackup(program: Command, action: ActionWrapper, o: Lang): void {
	program
		.command('backup')
		.description(m.cli_backup_description({}, o))
		.argument('<file>', m.cli_arg_backup_file({}, o))
		.action(
			action(async (cli, file) => {
				const config = cli.config();
				const result = await cli.withDb(
					(handle) => backupDatabase(handle, config, String(file), cli.locale),
					{ migrate: false, scope: 'none' }
				);
				cli.result(result, () =>
					m.cli_backup_done(
						{ file: result.file, size: formatNumber(result.bytes / 1024, cli.locale, 0) },
						{ locale: cli.locale }
					)
				);
			})
		);

	program
		.command('restore')
		.description(m.cli_restore_description({}, o))
		.argument('<file>', m.cli_arg_backup_file({}, o))
		.option('--force', m.cli_opt_force({}, o))
		.action(
			action(async (cli, file, rawOptions) => {
				const options = rawOptions as { force?: boolean };
				const result = await restoreDatabase(
					cli.config(),
					String(file),
					{ force: options.force === true },
					cli.locale
				);
				cli.result(result, () =>
					[
						m.cli_restore_done({ file: String(file) }, { locale: cli.locale }),
						...(result.movedAside
							? [m.cli_restore_moved({ dir: result.movedAside }, { locale: cli.locale })]
							: [])
					].join('\n')
				);
			})
		);
}
