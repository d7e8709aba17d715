import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import {
	createUser,
	inviteUser,
	listUsers,
	resetPassword,
	updateUserByAdmin,
	type InviteUserInput,
	type UpdateUserInput
} from '$lib/server/services/users';

export const load: PageServerLoad = async ({ locals }) => ({
	users: await runLoad(() => listUsers(locals.ctx))
});

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const form = await request.formData();
		// The role is typed as the schema's roles; the service checks what was sent.
		const input = formObject(form, ['email', 'name', 'role']) as InviteUserInput;
		if (form.get('mode') === 'password') {
			const result = await tryAction(form, () => createUser(locals.ctx, input));
			if (!result.ok) return result.failure;
			const { user, oneTimePassword } = result.value;
			return { created: { email: user.email, oneTimePassword } };
		}
		const result = await tryAction(form, () => inviteUser(locals.ctx, input));
		if (!result.ok) return result.failure;
		const { user, invitationPath } = result.value;
		return { created: { email: user.email, invitationUrl: `${url.origin}${invitationPath}` } };
	},
	update: async ({ request, locals }) => {
		const form = await request.formData();
		const { id, role, disabled } = formObject(form, ['id', 'role', 'disabled']);
		const result = await tryAction(form, () =>
			updateUserByAdmin(locals.ctx, id, {
				role: form.has('role') ? (role as UpdateUserInput['role']) : undefined,
				disabled: form.has('disabled') ? disabled === 'true' : undefined
			})
		);
		return result.ok ? { updated: result.value.email } : result.failure;
	},
	reset: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await tryAction(form, () =>
			resetPassword(locals.ctx, formObject(form, ['id']).id)
		);
		if (!result.ok) return result.failure;
		const { user, oneTimePassword } = result.value;
		return { reset: { email: user.email, oneTimePassword } };
	}
};
