import type { Command } from 'commander';
import { m } from '$lib/server/i18n';
import {
	addMember,
	changeOrganisation,
	createOrganisation,
	listOrganisations,
	type CreateOrganisationInput,
	type MemberInput
} from '$lib/server/services/organisations';
import type { ActionWrapper, Lang } from './types';

/**
 * The installation's organisations, as a platform admin administers them in the browser. These
 * commands act on the installation, not in one organisation's scope.
 */
export function registerOrganisation(program: Command, action: ActionWrapper, o: Lang): void {
	const organisation = program
		.command('organisation')
		.description(m.cli_organisation_description({}, o));

	organisation
		.command('list')
		.description(m.cli_organisation_list_description({}, o))
		.action(
			action(async (cli) => {
				const organisations = await cli.withDb((_, ctx) => listOrganisations(ctx), {
					scope: 'none'
				});
				cli.result({ organisations }, () =>
					organisations
						.map(
							(row) =>
								`${row.code}\t${row.name}\t${row.kind}${row.regionCode ? ` ${row.regionCode}` : ''}\t${row.members}\t${row.archived ? 'archived' : 'active'}`
						)
						.join('\n')
				);
			})
		);

	organisation
		.command('create')
		.description(m.cli_organisation_create_description({}, o))
		.requiredOption('--code <code>', m.organisations_code_hint({}, o))
		.requiredOption('--name <name>', m.organisations_name({}, o))
		.requiredOption('--kind <regional|national|cluster>', m.organisations_kind({}, o))
		.option('--region <code>', m.organisations_region({}, o))
		.requiredOption('--admin-email <email>', m.organisations_admin_email({}, o))
		.option('--admin-name <name>', m.organisations_admin_name({}, o))
		.action(
			action(async (cli, raw) => {
				const options = raw as Record<string, string | undefined>;
				const email = options.adminEmail ?? '';
				const input = {
					code: options.code,
					name: options.name,
					kind: options.kind,
					regionCode: options.region,
					admin: { email, name: options.adminName ?? email.split('@')[0] ?? email }
				} as CreateOrganisationInput;
				const created = await cli.withDb((_, ctx) => createOrganisation(ctx, input), {
					scope: 'none'
				});
				cli.result(created, () =>
					[
						m.organisations_created(
							{ name: created.organisation.name, email: created.admin.email },
							{ locale: cli.locale }
						),
						...(created.admin.invitationPath ? [created.admin.invitationPath] : [])
					].join('\n')
				);
			})
		);

	organisation
		.command('add-member <code>')
		.description(m.cli_organisation_member_description({}, o))
		.requiredOption('--email <email>', m.cli_opt_email({}, o))
		.requiredOption('--role <role>', m.cli_opt_role({}, o))
		.option('--name <name>', m.cli_opt_name({}, o))
		.action(
			action(async (cli, code, raw) => {
				const options = raw as { email: string; role: string; name?: string };
				const member = {
					email: options.email,
					role: options.role,
					name: options.name ?? options.email.split('@')[0] ?? options.email
				} as MemberInput;
				const added = await cli.withDb((_, ctx) => addMember(ctx, String(code), member), {
					scope: 'none'
				});
				cli.result(added, () =>
					[
						m.organisations_member_added({ email: added.email }, { locale: cli.locale }),
						...(added.invitationPath ? [added.invitationPath] : [])
					].join('\n')
				);
			})
		);

	for (const [command, archived] of [
		['archive', true],
		['reopen', false]
	] as const)
		organisation
			.command(`${command} <code>`)
			.description(
				archived
					? m.cli_organisation_archive_description({}, o)
					: m.cli_organisation_reopen_description({}, o)
			)
			.action(
				action(async (cli, code) => {
					const changed = await cli.withDb(
						(_, ctx) => changeOrganisation(ctx, String(code), { archived }),
						{ scope: 'none' }
					);
					cli.result(changed, () =>
						m.organisations_changed({ name: changed.name }, { locale: cli.locale })
					);
				})
			);
}
