import type { Command } from 'commander';
import { formatPercent } from '$lib/format';
import { m } from '$lib/server/i18n';
import { getNationalMatrix, nationalCoverage } from '$lib/server/services/national';
import type { ActionWrapper, Lang } from './types';

/** The national view: coverage and the clusters × regions matrix of the published rounds. */
export function registerNational(program: Command, action: ActionWrapper, o: Lang): void {
	program
		.command('national')
		.description(m.cli_national_description({}, o))
		.action(
			action(async (cli) => {
				const { coverage, matrix } = await cli.withDb(async (_, ctx) => ({
					coverage: await nationalCoverage(ctx),
					matrix: await getNationalMatrix(ctx)
				}));
				cli.result({ coverage, matrix }, () =>
					coverage.rounds.length === 0
						? m.national_none({}, { locale: cli.locale })
						: coverage.rounds
								.map(
									(round) =>
										`${round.regionName}\t${round.year}\t${round.title}\t${round.completed}/${round.invited} (${formatPercent(round.responseRate, cli.locale)})\t${round.publisher}`
								)
								.join('\n')
				);
			})
		);
}
