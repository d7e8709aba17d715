import { apiHandler } from '$lib/server/api/handler';
import { getCompanyStats as statsSpec } from '$lib/server/api/specs/companies';
import { companyStats } from '$lib/server/services/companies';

export const GET = apiHandler(statsSpec, ({ ctx, query }) => companyStats(ctx, query));
