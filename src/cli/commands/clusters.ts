import type { Command } from 'commander';
import type { ClusterSummary } from '$lib/domain/landscape/snapshot';
import type { Figure } from '$lib/domain/landscape/types';
import { formatNumber, type Locale } from '$lib/format';
import { m } from '$lib/server/i18n';
import { getClusterProfile, getLandscape } from '$lib/server/services/landscape';
import { clusterJson, landscapeJson } from '$lib/domain/landscape/json';
import type { ActionWrapper, Lang } from './types';

function figureText(figure: Figure | undefined, locale: Locale): string {
	if (!figure) return '–';
	const prefix =
		figure.qualifier === 'approx' ? 'ca. ' : figure.qualifier === 'at-least' ? 'mindst ' : '';
	return `${prefix}${formatNumber(figure.value, locale)}${figure.year ? ` (${figure.year})` : ''}`;
}

function row(summary: ClusterSummary, locale: Locale): string[] {
	const c = summary.cluster;
	return [
		c.slug,
		c.shortName,
		summary.statusAsOf === 'closed'
			? `${m.landscape_status_closed({}, { locale })}${c.closedYear ? ` ${c.closedYear}` : ''}`
			: m.landscape_status_active({}, { locale }),
		summary.stage ?? '–',
		figureText(summary.figures.employees, locale),
		figureText(summary.figures.members, locale)
	];
}

function table(rows: string[][]): string {
	const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
	return rows
		.map((r) =>
			r
				.map((cell, i) => cell.padEnd(widths[i] ?? 0))
				.join('  ')
				.trimEnd()
		)
		.join('\n');
}

export function registerClusters(program: Command, action: ActionWrapper, o: Lang): void {
	const clusters = program.command('clusters').description(m.cli_clusters_description({}, o));

	clusters
		.command('list')
		.description(m.cli_clusters_list_description({}, o))
		.option('--as-of <year>', m.cli_opt_as_of({}, o))
		.option('--region <code>', m.cli_opt_region_filter({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as { asOf?: string; region?: string };
				const view = await cli.withDb((_, ctx) =>
					getLandscape(ctx, { asOf: options.asOf, region: options.region })
				);
				cli.result(landscapeJson(view), () => {
					const l = cli.locale;
					const header = [
						m.cli_col_slug({}, { locale: l }),
						m.landscape_short_name({}, { locale: l }),
						m.landscape_status({}, { locale: l }),
						m.landscape_stage({}, { locale: l }),
						m.metric_employees({}, { locale: l }),
						m.metric_members({}, { locale: l })
					];
					const counts = view.programmeCounts.map((p) =>
						m.landscape_programme_count(
							{
								name: p.name,
								year: view.year,
								count: p.count,
								identified: p.identified,
								uncertain: p.uncertain,
								unidentified: p.unidentified
							},
							{ locale: l }
						)
					);
					return [table([header, ...view.clusters.map((s) => row(s, l))]), '', ...counts].join(
						'\n'
					);
				});
			})
		);

	clusters
		.command('show')
		.description(m.cli_clusters_show_description({}, o))
		.argument('<slug>', m.cli_arg_slug({}, o))
		.action(
			action(async (cli, slug) => {
				const profile = await cli.withDb((_, ctx) => getClusterProfile(ctx, String(slug)));
				cli.result(clusterJson(profile.summary), () => {
					const l = cli.locale;
					const c = profile.summary.cluster;
					const lines = [
						`${c.name} (${c.shortName})`,
						`${m.landscape_area({}, { locale: l })}: ${c.area}`,
						`${m.landscape_status({}, { locale: l })}: ${row(profile.summary, l)[2]}`,
						`${m.landscape_stage({}, { locale: l })}: ${profile.summary.stage ?? '–'}`,
						`${m.landscape_offices({}, { locale: l })}: ${c.offices.map((office) => `${office.label}${office.municipalityCode ? ` [${office.municipalityCode}]` : ''}`).join(', ') || '–'}`,
						'',
						...profile.history.flatMap((h) =>
							h.figures.map(
								(f) =>
									`${h.metric}\t${f.year ?? '–'}\t${figureText(f, l)}\t${f.sourceLabel ?? f.sourceUrl ?? f.sourceKind}${f.isEstimate ? ` (${m.provenance_estimate({}, { locale: l })})` : ''}`
							)
						)
					];
					return lines.join('\n');
				});
			})
		);
}
