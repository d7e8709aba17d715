import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isoOf } from '$lib/domain/agreements/dates';
import { formatDate, formatNumber } from '$lib/format';
import { agreementStatusLabel, kpiStatusLabel } from '$lib/labels/agreements';
import { m } from '$lib/server/i18n';
import {
	recordMeasurement,
	agreementsXlsx,
	listAgreementItems,
	followUpFor,
	itemText,
	sendDueReminders
} from '$lib/server/services/agreements';
import type { ActionWrapper, Lang } from './types';

interface ListOptions {
	region?: string;
	status?: string;
	due?: boolean;
	xlsx?: string;
}

export function registerAgreements(program: Command, action: ActionWrapper, o: Lang): void {
	const agreements = program.command('agreements').description(m.cli_agreements_description({}, o));

	agreements
		.command('list')
		.description(m.cli_agreements_list_description({}, o))
		.option('--region <code>', m.cli_opt_region({}, o))
		.option('--status <status>', m.cli_opt_agreement_status({}, o))
		.option('--due', m.cli_opt_due({}, o))
		.option('--xlsx <file>', m.cli_opt_xlsx({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as ListOptions;
				const l = { locale: cli.locale };
				const result = await cli.withDb(async (_, ctx) => {
					const items = await listAgreementItems(ctx, {
						region: options.region,
						status: options.status as never
					});
					const due = options.due
						? await followUpFor(ctx, options.region ?? null, isoOf(new Date()))
						: [];
					if (options.xlsx)
						writeFileSync(
							resolve(options.xlsx),
							await agreementsXlsx(ctx, options.region ?? '1081')
						);
					return { items, due };
				});
				if (options.xlsx) cli.error(m.cli_written({ file: resolve(options.xlsx) }, l));
				if (options.due) {
					cli.result(
						{ due: result.due },
						() =>
							result.due
								.map(
									(item) =>
										`${item.overdue ? '!' : ' '} ${formatDate(item.dueOn, cli.locale)}\t${itemText(item, cli.locale)}`
								)
								.join('\n') || m.followup_nothing_due({}, l)
					);
					return;
				}
				cli.result(
					{ agreements: result.items },
					() =>
						result.items
							.map(
								(a) =>
									`${a.id}\t${a.cluster.name}\t${agreementStatusLabel(a.status, cli.locale)}\t${a.startsOn}–${a.endsOn}\t${kpiStatusLabel(a.kpiStatus, cli.locale)}\t${a.title}`
							)
							.join('\n') || m.agreements_none({}, l)
				);
			})
		);

	agreements
		.command('remind')
		.description(m.cli_agreements_remind_description({}, o))
		.action(
			action(async (cli) => {
				const config = cli.config();
				const base = config.server.origin ?? `http://${config.server.host}:${config.server.port}`;
				const result = await cli.withDb((_, ctx) => sendDueReminders(ctx, base));
				cli.result(result, () =>
					m.followup_sent(
						{ sent: result.sent, missing: result.withoutRecipient },
						{ locale: cli.locale }
					)
				);
			})
		);

	program
		.command('kpi')
		.description(m.cli_kpi_description({}, o))
		.command('record')
		.description(m.cli_kpi_record_description({}, o))
		.requiredOption('--kpi <id>', m.cli_opt_kpi({}, o))
		.requiredOption('--value <number>', m.cli_opt_kpi_value({}, o))
		.option('--date <yyyy-mm-dd>', m.cli_opt_kpi_date({}, o))
		.option('--comment <text>', m.cli_opt_kpi_comment({}, o))
		.option('--estimate', m.cli_opt_kpi_estimate({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as {
					kpi: string;
					value: string;
					date?: string;
					comment?: string;
					estimate?: boolean;
				};
				const row = await cli.withDb((_, ctx) =>
					recordMeasurement(ctx, Number(options.kpi), {
						value: options.value,
						measuredOn: options.date ?? isoOf(new Date()),
						comment: options.comment ?? null,
						isEstimate: options.estimate === true
					})
				);
				cli.result(
					{ id: row.id, kpiId: row.kpiId, measuredOn: row.measuredOn, value: row.value },
					() =>
						m.cli_kpi_recorded(
							{
								id: row.kpiId,
								value: formatNumber(row.value, cli.locale),
								date: formatDate(row.measuredOn, cli.locale)
							},
							{ locale: cli.locale }
						)
				);
			})
		);
}
