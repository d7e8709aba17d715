import type { Command } from 'commander';
import { basename, resolve } from 'node:path';
import { companyImportKinds } from '$lib/domain/companies/kinds';
import { formatNumber } from '$lib/format';
import { m } from '$lib/server/i18n';
import { importCompanyFile, companyStats } from '$lib/server/services/companies';
import type { ActionWrapper, Lang } from './types';

/** `--mapping cvr=CVR-nr,name=Firma` → `{ cvr: 'CVR-nr', name: 'Firma' }`. */
function mappingOf(text: string | undefined): Record<string, string> {
	if (!text) return {};
	return Object.fromEntries(
		text.split(',').map((pair) => {
			const [field = '', ...header] = pair.split('=');
			return [field.trim(), header.join('=').trim()];
		})
	);
}

export function registerCompanies(program: Command, action: ActionWrapper, o: Lang): void {
	const imports = program.command('import').description(m.cli_import_description({}, o));
	for (const kind of companyImportKinds) {
		const command = imports
			.command(`${kind} <file>`)
			.description(m[`cli_import_${kind}_description`]({}, o))
			.option('--mapping <pairs>', m.cli_opt_mapping({}, o));
		if (kind !== 'register')
			command
				.requiredOption('--cluster <slug>', m.cli_opt_cluster({}, o))
				.requiredOption('--year <year>', m.cli_opt_year({}, o));
		command.action(
			action(async (cli, file, rawOptions) => {
				const options = rawOptions as { mapping?: string; cluster?: string; year?: string };
				const path = resolve(String(file));
				const summary = await cli.withDb(
					(_, ctx) =>
						importCompanyFile(
							ctx,
							{ path },
							{
								kind,
								cluster: options.cluster,
								year: options.year ? Number(options.year) : undefined,
								filename: basename(path),
								mapping: mappingOf(options.mapping)
							},
							(progress) =>
								cli.error(
									m.cli_import_progress(
										{
											rows: formatNumber(progress.rows, cli.locale),
											percent: formatNumber(
												(100 * progress.bytes) / Math.max(progress.totalBytes, 1),
												cli.locale,
												0
											),
											phase: m[`import_phase_${progress.phase}`]({}, { locale: cli.locale })
										},
										{ locale: cli.locale }
									)
								)
						),
					// The import reads its file outside a transaction and scopes its own.
					{ scope: 'own' }
				);
				cli.result(summary, () =>
					m.cli_import_done(
						{
							accepted: formatNumber(summary.rowsAccepted, cli.locale),
							read: formatNumber(summary.rowsRead, cli.locale),
							review: formatNumber(summary.rowsForReview, cli.locale),
							encoding: summary.encoding,
							delimiter: summary.delimiter === '\t' ? 'tab' : summary.delimiter
						},
						{ locale: cli.locale }
					)
				);
			})
		);
	}

	program
		.command('companies')
		.description(m.cli_companies_description({}, o))
		.command('stats')
		.description(m.cli_companies_stats_description({}, o))
		.requiredOption('--region <code>', m.cli_opt_region({}, o))
		.option('--year <year>', m.cli_opt_year({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as { region: string; year?: string };
				const stats = await cli.withDb((_, ctx) =>
					companyStats(ctx, { region: options.region, year: options.year })
				);
				const n = (v: number) => formatNumber(v, cli.locale);
				cli.result(stats, () =>
					[
						m.cli_companies_unique(
							{ region: stats.region.name, count: n(stats.uniqueCompanies) },
							{ locale: cli.locale }
						),
						`< 50: ${n(stats.bySizeBand.lt50)}\t≥ 50: ${n(stats.bySizeBand.ge50)}\t?: ${n(stats.bySizeBand.unknown)}`,
						...Object.entries(stats.byCluster).map(([slug, count]) => `${slug}\t${n(count)}`),
						...Object.entries(stats.overlap).map(
							([k, count]) =>
								`${m.cli_companies_in_clusters({ clusters: k }, { locale: cli.locale })}\t${n(count)}`
						)
					].join('\n')
				);
			})
		);
}
