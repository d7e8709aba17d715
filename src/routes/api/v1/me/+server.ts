import { apiHandler } from '$lib/server/api/handler';
import { me } from '$lib/server/api/specs/system';

export const GET = apiHandler(me, ({ event }) => {
	const user = event.locals.user;
	return Promise.resolve(
		user && { id: user.id, email: user.email, name: user.name, role: user.role }
	);
});
