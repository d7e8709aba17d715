import { apiHandler } from '$lib/server/api/handler';
import { listAudit } from '$lib/server/api/specs/admin';
import { listAuditEntries } from '$lib/server/services/audit';

export const GET = apiHandler(listAudit, async ({ ctx, query }) => {
	const { entries, total, page, pageSize } = await listAuditEntries(ctx, query);
	return { entries, total, page, pageSize };
});
