import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
import {
	createUser,
	inviteUser,
	listUsers,
	resetPassword,
	updateUserByAdmin
} from '$lib/server/services/users';

export const load: PageServerLoad = async ({ locals }) => ({
	users: await runLoad(() => listUsers(locals.ctx))
});

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const form = await request.formData();
		const input = {
			email: text(form, 'email'),
			name: text(form, 'name'),
			role: text(form, 'role') as 'viewer'
		};
		if (form.get('mode') === 'password') {
			const result = await runAction(form, () => createUser(locals.ctx, input));
			if (!('user' in result)) return result;
			return { created: { email: result.user.email, oneTimePassword: result.oneTimePassword } };
		}
		const result = await runAction(form, () => inviteUser(locals.ctx, input));
		if (!('user' in result)) return result;
		return {
			created: { email: result.user.email, invitationUrl: `${url.origin}${result.invitationPath}` }
		};
	},
	update: async ({ request, locals }) => {
		const form = await request.formData();
		const disabled = form.get('disabled');
		const result = await runAction(form, () =>
			updateUserByAdmin(locals.ctx, text(form, 'id'), {
				role: form.has('role') ? (text(form, 'role') as 'viewer') : undefined,
				disabled: disabled === null ? undefined : disabled === 'true'
			})
		);
		return 'email' in result ? { updated: result.email } : result;
	},
	reset: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await runAction(form, () => resetPassword(locals.ctx, text(form, 'id')));
		return 'user' in result
			? { reset: { email: result.user.email, oneTimePassword: result.oneTimePassword } }
			: result;
	}
};
