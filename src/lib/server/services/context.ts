import type { Actor } from '$lib/domain/access';
import type { OrganisationRef } from '$lib/domain/organisations';
import type { Locale } from '$lib/format';
import { getConfig } from '../config';
import type { Db } from '../db/client';
import { inOrganisation } from '../db/scope';

/**
 * What every service call receives: the database, who is acting (for access checks and the audit
 * log) and the language messages should be in. Routes build it in `hooks.server.ts`; the CLI,
 * tests and bench build it themselves.
 */
export interface Ctx {
	/**
	 * Inside a request of a signed-in user, a token or a respondent link: the request's
	 * transaction, scoped to `organisation` (`db/scope.ts`).
	 */
	db: Db;
	actor: Actor;
	locale: Locale;
	/**
	 * The organisation the call acts in. Unset only where the installation's single
	 * organisation is meant (tests, first start) or no organisation's data is touched.
	 */
	organisation?: OrganisationRef;
	/** True when `db` is already the organisation's scoped transaction. */
	scoped?: boolean;
}

/**
 * Runs `work` in the organisation's scope: in the request's scoped transaction when there is
 * one, else in a transaction of its own. For the few entries that hold no request transaction
 * (the company import reads its file outside one) and for the CLI and the scheduler.
 */
export async function scoped<T>(ctx: Ctx, work: (ctx: Ctx) => Promise<T>): Promise<T> {
	if (ctx.scoped || !ctx.organisation) return work(ctx);
	return inOrganisation(
		ctx.db,
		ctx.organisation.id,
		(tx) => work({ ...ctx, db: tx, scoped: true }),
		{
			rowSecurity: getConfig().rowSecurity
		}
	);
}
