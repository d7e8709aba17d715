import type { Actor } from '$lib/domain/access';
import type { Locale } from '$lib/format';
import type { Db } from '../db/client';

/**
 * What every service call receives: the database, who is acting (for access checks and the audit
 * log) and the language messages should be in. Routes build it in `hooks.server.ts`; the CLI,
 * tests and bench build it themselves.
 */
export interface Ctx {
	db: Db;
	actor: Actor;
	locale: Locale;
}
