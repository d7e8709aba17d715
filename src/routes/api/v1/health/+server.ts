import { apiHandler } from '$lib/server/api/handler';
import { health } from '$lib/server/api/specs/system';
import { startApp } from '$lib/server/app';
import { getHealth } from '$lib/server/services/platform';

export const GET = apiHandler(health, async () => getHealth(await startApp()));
