import type { Command } from 'commander';
import { m } from '$lib/server/i18n';
import { createUser, listUsers, setPlatformAdminRole } from '$lib/server/services/users';
import { readStdin } from '../stdin';
import type { ActionWrapper, Lang } from './types';

interface CreateOptions {
	email: string;
	role: string;
	name?: string;
	passwordStdin?: boolean;
	platformAdmin?: boolean;
}

export function registerUser(program: Command, action: ActionWrapper, o: Lang): void {
	const user = program.command('user').description(m.cli_user_description({}, o));

	user
		.command('create')
		.description(m.cli_user_create_description({}, o))
		.requiredOption('--email <email>', m.cli_opt_email({}, o))
		.requiredOption('--role <role>', m.cli_opt_role({}, o))
		.option('--name <name>', m.cli_opt_name({}, o))
		.option('--password-stdin', m.cli_opt_password_stdin({}, o))
		.option('--platform-admin', m.cli_opt_platform_admin({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = rawOptions as CreateOptions;
				const password = options.passwordStdin
					? (await readStdin()).replace(/\r?\n$/, '')
					: undefined;
				const created = await cli.withDb(async (_, ctx) => {
					const made = await createUser(ctx, {
						email: options.email,
						role: options.role as 'viewer',
						name: options.name ?? options.email.split('@')[0] ?? options.email,
						password
					});
					if (options.platformAdmin) await setPlatformAdminRole(ctx, made.user.id, true);
					return made;
				});
				cli.result({ user: created.user, oneTimePassword: created.oneTimePassword }, () =>
					created.oneTimePassword
						? m.cli_user_created_otp(
								{
									email: created.user.email,
									role: created.user.role,
									password: created.oneTimePassword
								},
								{ locale: cli.locale }
							)
						: m.cli_user_created(
								{ email: created.user.email, role: created.user.role },
								{ locale: cli.locale }
							)
				);
			})
		);

	user
		.command('list')
		.description(m.cli_user_list_description({}, o))
		.action(
			action(async (cli) => {
				const users = await cli.withDb((_, ctx) => listUsers(ctx));
				cli.result({ users }, () =>
					users
						.map((u) => `${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}`)
						.join('\n')
				);
			})
		);
}
