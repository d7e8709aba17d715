import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDate } from '$lib/format';
import { m } from '$lib/server/i18n';
import {
	deckFormats,
	meetingDeck,
	type DeckFormat,
	listMeetingItems
} from '$lib/server/services/meetings';
import type { ActionWrapper, Lang } from './types';

export function registerMeetings(program: Command, action: ActionWrapper, o: Lang): void {
	program
		.command('meetings')
		.description(m.cli_meetings_description({}, o))
		.command('list')
		.description(m.cli_meetings_list_description({}, o))
		.option('--region <code>', m.cli_opt_region({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as { region?: string };
				const items = await cli.withDb((_, ctx) =>
					listMeetingItems(ctx, { region: options.region ?? null })
				);
				cli.result(
					{ meetings: items },
					() =>
						items
							.map(
								(x) =>
									`${x.id}\t${formatDate(x.heldOn, cli.locale)}\t${m[x.audience === 'board' ? 'meeting_audience_board' : 'meeting_audience_management']({}, { locale: cli.locale })}\t${x.region.name}\t${x.title}${x.isDemo ? ` (${m.demo_badge({}, { locale: cli.locale })})` : ''}`
							)
							.join('\n') || m.meetings_none({}, { locale: cli.locale })
				);
			})
		);

	program
		.command('deck')
		.description(m.cli_deck_description({}, o))
		.requiredOption('--meeting <id>', m.cli_opt_meeting({}, o))
		.addOption(
			new Option('--format <format>', m.cli_opt_deck_format({}, o))
				.choices(deckFormats)
				.default('pptx')
		)
		.option('--out <file>', m.cli_opt_out({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as { meeting: string; format: string; out?: string };
				const l = { locale: cli.locale };
				const deck = await cli.withDb((_, ctx) =>
					meetingDeck(ctx, Number(options.meeting), options.format as DeckFormat)
				);
				const file = resolve(options.out ?? deck.filename);
				writeFileSync(file, deck.body);
				cli.result({ file, bytes: deck.body.length }, () => m.cli_written({ file }, l));
			})
		);
}
