import type { Command } from 'commander';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ValidationError } from '$lib/domain/errors';
import { m } from '$lib/server/i18n';
import { getFindings, sayHeadlines } from '$lib/server/services/findings';
import {
	exportSurvey,
	exportSurveyCsv,
	exportSurveyXlsx,
	importSurvey,
	MAX_IMPORT_BYTES,
	listRounds
} from '$lib/server/services/survey';
import type { ActionWrapper, Lang } from './types';

function roundId(value: unknown, locale: 'da' | 'en'): number {
	const id = Number(value);
	if (!Number.isInteger(id) || id < 1) {
		throw new ValidationError(m.validation_failed({}, { locale }), [
			{ path: ['roundId'], message: m.validation_integer({}, { locale }) }
		]);
	}
	return id;
}

export function registerSurvey(program: Command, action: ActionWrapper, o: Lang): void {
	const survey = program.command('survey').description(m.cli_survey_description({}, o));

	survey
		.command('list')
		.description(m.cli_survey_list_description({}, o))
		.action(
			action(async (cli) => {
				const rounds = await cli.withDb((_, ctx) => listRounds(ctx));
				cli.result(
					{ rounds },
					() =>
						rounds
							.map(
								(r) =>
									`${r.id}\t${r.regionCode}\t${r.year}\t${r.title}${r.isDemo ? ' [demo]' : ''}\t${r.completed}/${r.invited}`
							)
							.join('\n') || m.survey_no_rounds({}, { locale: cli.locale })
				);
			})
		);

	survey
		.command('import')
		.description(m.cli_survey_import_description({}, o))
		.argument('<file>', m.cli_arg_import_file({}, o))
		.action(
			action(async (cli, file) => {
				const path = resolve(String(file));
				if (!existsSync(path))
					throw new ValidationError(m.backup_file_missing({ file: path }, { locale: cli.locale }));
				if (statSync(path).size > MAX_IMPORT_BYTES) {
					throw new ValidationError(
						m.import_too_large(
							{ max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` },
							{ locale: cli.locale }
						)
					);
				}
				const result = await cli.withDb((_, ctx) =>
					importSurvey({ ...ctx }, readFileSync(path, 'utf8'))
				);
				cli.result(result, () =>
					m.cli_survey_imported(
						{ id: result.roundId, responses: result.responses },
						{ locale: cli.locale }
					)
				);
			})
		);

	survey
		.command('findings')
		.description(m.cli_survey_findings_description({}, o))
		.argument('<roundId>', m.cli_arg_round_id({}, o))
		.action(
			action(async (cli, id) => {
				const findings = await cli.withDb((_, ctx) => getFindings(ctx, roundId(id, cli.locale)));
				cli.result(findings, () =>
					[
						`${findings.round.title}${findings.round.isDemo ? ` (${m.demo_badge({}, { locale: cli.locale })})` : ''}`,
						...sayHeadlines(findings, cli.locale).map((h) => `• ${h.text}`)
					].join('\n')
				);
			})
		);

	survey
		.command('export')
		.description(m.cli_survey_export_description({}, o))
		.argument('<roundId>', m.cli_arg_round_id({}, o))
		.option('--format <format>', m.cli_opt_export_format({}, o), 'json')
		.option('--out <file>', m.cli_opt_out({}, o))
		.action(
			action(async (cli, id, rawOptions) => {
				const options = rawOptions as { format: string; out?: string };
				if (!['json', 'csv', 'xlsx'].includes(options.format)) {
					throw new ValidationError(m.validation_failed({}, { locale: cli.locale }), [
						{
							path: ['format'],
							message: m.validation_one_of({ options: 'json, csv, xlsx' }, { locale: cli.locale })
						}
					]);
				}
				const round = roundId(id, cli.locale);
				const content = await cli.withDb(async (_, ctx) =>
					options.format === 'csv'
						? exportSurveyCsv(ctx, round)
						: options.format === 'xlsx'
							? exportSurveyXlsx(ctx, round)
							: `${JSON.stringify(await exportSurvey(ctx, round), null, 2)}\n`
				);
				if (options.out) {
					writeFileSync(resolve(options.out), content);
					cli.error(m.cli_written({ file: resolve(options.out) }, { locale: cli.locale }));
				} else if (typeof content === 'string') {
					process.stdout.write(content);
				} else {
					throw new ValidationError(m.cli_out_required({}, { locale: cli.locale }));
				}
			})
		);
}
