import { apiHandler } from '$lib/server/api/handler';
import { buildOpenApiDocument } from '$lib/server/api/openapi';
import { openapi } from '$lib/server/api/specs/system';
import { packageVersion } from '$lib/server/paths';

export const GET = apiHandler(openapi, () => Promise.resolve(buildOpenApiDocument(packageVersion)));
