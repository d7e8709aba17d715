import { apiHandler } from '$lib/server/api/handler';
import { health } from '$lib/server/api/specs/system';
import { startApp } from '$lib/server/app';
import { getHealth } from '$lib/server/services/system';

export const GET = apiHandler(health, async () => getHealth(await startApp()));
