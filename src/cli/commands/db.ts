import type { Command } from 'commander';
import { migrationStatus } from '$lib/server/db/migrate';
import { seedReferenceData } from '$lib/server/services/platform';
import { seedDemoData } from '$lib/server/services/platform';
import { m } from '$lib/server/i18n';
import { ValidationError } from '$lib/domain/errors';
import type { ActionWrapper, Lang } from './types';

export function registerDb(program: Command, action: ActionWrapper, o: Lang): void {
	const db = program.command('db').description(m.cli_db_description({}, o));

	db.command('migrate')
		.description(m.cli_db_migrate_description({}, o))
		.action(
			action(async (cli) => {
				const status = await cli.withDb((handle) => migrationStatus(handle), { scope: 'none' });
				cli.result(status, () =>
					m.cli_db_migrated(
						{ applied: status.applied, latest: status.latestApplied ?? '–' },
						{ locale: cli.locale }
					)
				);
			})
		);

	db.command('seed')
		.description(m.cli_db_seed_description({}, o))
		.option('--force', m.cli_opt_seed_force({}, o))
		.option('--demo', m.cli_opt_seed_demo({}, o))
		.option('--organisations <1|2>', m.cli_opt_seed_organisations({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as { force?: boolean; demo?: boolean; organisations?: string };
				if (options.organisations !== undefined && !['1', '2'].includes(options.organisations))
					throw new ValidationError(m.cli_seed_organisations_invalid({}, { locale: cli.locale }), [
						{
							path: ['organisations'],
							message: m.cli_seed_organisations_invalid({}, { locale: cli.locale })
						}
					]);
				const summary = await cli.withDb(
					async (handle) => {
						const result = await seedReferenceData(handle.db, { force: options.force === true });
						if (options.demo)
							await seedDemoData(handle.db, {
								organisations: options.organisations === '2' ? 2 : 1
							});
						return result;
					},
					{ scope: 'none' }
				);
				cli.result(summary, () =>
					summary.skipped
						? m.cli_db_seed_unchanged({}, { locale: cli.locale })
						: m.cli_db_seed_done(
								{
									inserted: summary.clustersInserted,
									refreshed: summary.clustersRefreshed,
									kept: summary.clustersKeptEdited,
									municipalities: summary.municipalities,
									actors: summary.actors
								},
								{ locale: cli.locale }
							)
				);
			})
		);

	db.command('status')
		.description(m.cli_db_status_description({}, o))
		.action(
			action(async (cli) => {
				const config = cli.config();
				const status = await cli.withDb((handle) => migrationStatus(handle), {
					migrate: false,
					scope: 'none'
				});
				const where = config.database.kind === 'pglite' ? config.database.dataDir : 'PostgreSQL';
				const value = {
					database: { kind: config.database.kind, location: where },
					migrations: status
				};
				cli.result(value, () =>
					[
						m.cli_db_status_kind({ kind: config.database.kind, where }, { locale: cli.locale }),
						m.cli_db_status_migrations(
							{
								applied: status.applied,
								available: status.available,
								latest: status.latestApplied ?? '–'
							},
							{ locale: cli.locale }
						),
						...(status.pending.length > 0
							? [
									m.cli_db_status_pending(
										{ pending: status.pending.join(', ') },
										{ locale: cli.locale }
									)
								]
							: [])
					].join('\n')
				);
			})
		);
}
