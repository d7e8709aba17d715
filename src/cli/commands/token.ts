import type { Command } from 'commander';
import { m } from '$lib/server/i18n';
import { createApiToken } from '$lib/server/services/users';
import type { ActionWrapper, Lang } from './types';

export function registerToken(program: Command, action: ActionWrapper, o: Lang): void {
	const token = program.command('token').description(m.cli_token_description({}, o));
	token
		.command('create')
		.description(m.cli_token_create_description({}, o))
		.requiredOption('--email <email>', m.cli_opt_token_owner({}, o))
		.option('--name <name>', m.cli_opt_token_name({}, o), 'cli')
		.option('--expires-days <days>', m.cli_opt_expires_days({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as { email: string; name: string; expiresDays?: string };
				const created = await cli.withDb((_, ctx) =>
					createApiToken(ctx, {
						name: options.name,
						userEmail: options.email,
						expiresInDays: options.expiresDays
					})
				);
				cli.result({ token: created.token, apiToken: created.view }, () =>
					m.cli_token_created(
						{ email: created.view.userEmail, token: created.token },
						{ locale: cli.locale }
					)
				);
			})
		);
}
