import type { LayoutServerLoad } from './$types';
import { packageVersion } from '$lib/server/paths';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user,
	locale: locals.locale,
	version: packageVersion
});
