import type { LayoutServerLoad } from './$types';
import { allows } from '$lib/domain/access';
import { packageVersion } from '$lib/server/paths';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user,
	locale: locals.locale,
	version: packageVersion,
	/**
	 * The header's organisation switcher, for a user who is a member of several; with one
	 * organisation the header is as it always was.
	 */
	organisations:
		locals.memberships.length > 1
			? {
					current: locals.organisation?.code ?? null,
					choices: locals.memberships.map(({ code, name }) => ({ code, name }))
				}
			: null,
	/**
	 * What the signed-in user may do, for pages to show or hide their forms; the same rule as the
	 * access policy that guards every action (pages never compare role names themselves).
	 */
	can: {
		edit: allows(locals.ctx.actor, 'analyst'),
		administer: allows(locals.ctx.actor, 'admin')
	}
});
