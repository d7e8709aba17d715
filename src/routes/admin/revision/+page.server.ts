import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { listAuditEntries } from '$lib/server/services/audit';

export const load: PageServerLoad = async ({ locals, url }) => ({
	audit: await runLoad(() =>
		listAuditEntries(locals.ctx, {
			entity: url.searchParams.get('entity') ?? undefined,
			entityId: url.searchParams.get('entityId') ?? undefined,
			page: url.searchParams.get('page') ?? undefined
		})
	)
});
