import type { PageServerLoad } from './$types';
import { allows } from '$lib/domain/access';

export const load: PageServerLoad = ({ locals }) => ({
	platformAdmin: allows(locals.ctx.actor, 'platform')
});
