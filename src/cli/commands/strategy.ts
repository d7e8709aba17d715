import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { m } from '$lib/server/i18n';
import { fitXlsx, getFitJson } from '$lib/server/services/fit';
import {
	getRecommendations,
	recommendationsJson,
	recommendationsXlsx
} from '$lib/server/services/collaboration';
import type { ActionWrapper, Lang } from './types';

interface StrategyOptions {
	region: string;
	xlsx?: string;
}

export function registerStrategy(program: Command, action: ActionWrapper, o: Lang): void {
	program
		.command('fit')
		.description(m.cli_fit_description({}, o))
		.option('--region <code>', m.cli_opt_region({}, o), '1081')
		.option('--xlsx <file>', m.cli_opt_xlsx({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as StrategyOptions;
				const fit = await cli.withDb(async (_, ctx) => {
					const result = await getFitJson(ctx, options.region);
					if (options.xlsx)
						writeFileSync(resolve(options.xlsx), await fitXlsx(ctx, options.region));
					return result;
				});
				if (options.xlsx)
					cli.error(m.cli_written({ file: resolve(options.xlsx) }, { locale: cli.locale }));
				cli.result(fit, () => {
					const header = [
						'',
						m.fit_total({}, { locale: cli.locale }),
						...fit.efforts.map((e) => e.code)
					].join('\t');
					const rows = fit.clusters.map((c) =>
						[
							c.name,
							c.total,
							...fit.efforts.map((e) => {
								const cell = fit.cells.find((x) => x.cluster === c.slug && x.effort === e.code);
								return cell ? `${cell.shown}${cell.override ? '*' : ''}` : '–';
							})
						].join('\t')
					);
					return [fit.provenance.text, '', header, ...rows].join('\n');
				});
			})
		);

	program
		.command('recommend')
		.description(m.cli_recommend_description({}, o))
		.option('--region <code>', m.cli_opt_region({}, o), '1081')
		.option('--xlsx <file>', m.cli_opt_xlsx({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as StrategyOptions;
				const { view, json } = await cli.withDb(async (_, ctx) => {
					const view = await getRecommendations(ctx, options.region);
					const result = { view, json: recommendationsJson(view) };
					if (options.xlsx)
						writeFileSync(resolve(options.xlsx), await recommendationsXlsx(ctx, options.region));
					return result;
				});
				if (options.xlsx)
					cli.error(m.cli_written({ file: resolve(options.xlsx) }, { locale: cli.locale }));
				const l = { locale: cli.locale };
				cli.result(json, () =>
					[
						view.provenance.text,
						...view.items.map((item) =>
							[
								'',
								`${item.name}: ${item.summary}`,
								...item.options.map(
									(opt) =>
										`  ${opt.rank}. ${opt.name} (${opt.suitability}) – ${opt.reasons.join('; ')}` +
										(opt.checklist.some((c) => !c.met)
											? `\n     ${m.rec_unmet({}, l)}: ${opt.checklist
													.filter((c) => !c.met)
													.map((c) => c.label)
													.join('; ')}`
											: '')
								),
								item.options.length === 0 ? `  ${m.rec_none({}, l)}` : ''
							]
								.filter(Boolean)
								.join('\n')
						)
					].join('\n')
				);
			})
		);
}
