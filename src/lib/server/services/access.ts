import { allows, type Access } from '$lib/domain/access';
import { ForbiddenError, UnauthenticatedError } from '$lib/domain/errors';
import { m } from '../i18n';
import type { Ctx } from './context';

/**
 * The role guard. Routes and endpoints are guarded centrally (see `auth/policy.ts`); services that
 * change users, tokens or other sensitive data call this as well, so the CLI and any future
 * caller meet the same rule.
 */
export function requireRole(ctx: Pick<Ctx, 'actor' | 'locale'>, required: Access): void {
	if (allows(ctx.actor, required)) return;
	if (ctx.actor.kind === 'anonymous') {
		throw new UnauthenticatedError(m.error_unauthenticated({}, { locale: ctx.locale }));
	}
	throw new ForbiddenError(m.error_forbidden({}, { locale: ctx.locale }));
}

/** Whether the actor may do what the role allows, for showing or hiding controls. */
export function hasRole(ctx: Pick<Ctx, 'actor'>, required: Access): boolean {
	return allows(ctx.actor, required);
}
