import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import { getRegions } from '$lib/server/services/landscape';
import {
	addMember,
	changeOrganisation,
	createOrganisation,
	listOrganisations,
	type CreateOrganisationInput,
	type MemberInput
} from '$lib/server/services/organisations';

export const load: PageServerLoad = async ({ locals }) => ({
	organisations: await runLoad(() => listOrganisations(locals.ctx)),
	regions: await runLoad(() => getRegions(locals.ctx)),
	current: locals.organisation?.code ?? null
});

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const form = await request.formData();
		const f = formObject(form, ['code', 'name', 'kind', 'regionCode', 'admin.email', 'admin.name']);
		// The kind is typed as the schema's kinds; the service checks what was sent.
		const input = {
			code: f.code,
			name: f.name,
			kind: f.kind,
			regionCode: f.regionCode || undefined,
			admin: { email: f['admin.email'], name: f['admin.name'] }
		} as CreateOrganisationInput;
		const result = await tryAction(form, () => createOrganisation(locals.ctx, input), 'create');
		if (!result.ok) return result.failure;
		const { organisation, admin } = result.value;
		return {
			created: {
				name: organisation.name,
				email: admin.email,
				invitationUrl: admin.invitationPath ? `${url.origin}${admin.invitationPath}` : null
			}
		};
	},
	change: async ({ request, locals }) => {
		const form = await request.formData();
		const { code, name, archived } = formObject(form, ['code', 'name', 'archived']);
		const result = await tryAction(
			form,
			() =>
				changeOrganisation(locals.ctx, code, {
					name: form.has('name') ? name : undefined,
					archived: form.has('archived') ? archived === 'true' : undefined
				}),
			`change-${code}`
		);
		return result.ok ? { changed: result.value.name } : result.failure;
	},
	member: async ({ request, locals, url }) => {
		const form = await request.formData();
		const { code, email, name, role } = formObject(form, ['code', 'email', 'name', 'role']);
		const result = await tryAction(
			form,
			() => addMember(locals.ctx, code, { email, name, role } as MemberInput),
			`member-${code}`
		);
		if (!result.ok) return result.failure;
		const added = result.value;
		return {
			added: {
				email: added.email,
				invitationUrl: added.invitationPath ? `${url.origin}${added.invitationPath}` : null
			}
		};
	}
};
