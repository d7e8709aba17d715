import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { error, redirect } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { allows, type Actor } from '$lib/domain/access';
import type { Locale } from '$lib/format';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { startApp, stopApp } from '$lib/server/app';
import { getConfig } from '$lib/server/config';
import { inOrganisation } from '$lib/server/db/scope';
import { accessFor, allowedWhilePasswordMustChange } from '$lib/server/auth/policy';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { limitRequestBodies } from '$lib/server/body-limits';
import { connectionLostError } from '$lib/server/db/errors';
import { apiError } from '$lib/server/http';
import { m } from '$lib/server/i18n';
import { logger } from '$lib/server/log';
import { paramsAreWellFormed } from '$lib/server/route-params';
import { securityHeaders } from '$lib/server/security-headers';
import {
	authenticateApiToken,
	toSessionUser,
	userActor,
	validateSessionToken
} from '$lib/server/services/users';
import { resolveRespondent } from '$lib/server/services/survey';
import { requestOrganisation } from '$lib/server/services/organisations';

export const init: ServerInit = async () => {
	await startApp();
	// adapter-node emits this after closing the HTTP server; an open PGlite would keep the
	// process alive.
	process.once('sveltekit:shutdown', () => {
		void stopApp();
	});
};

const isApi = (pathname: string) => pathname.startsWith('/api/');

/**
 * Addresses the app has had before, kept working for bookmarks and sent links: `/survey` was the
 * one English page address (now `/undersoegelse`). A permanent redirect keeps the method, so an
 * old form post lands too.
 */
const legacyPaths: Handle = ({ event, resolve }) => {
	const { pathname, search } = event.url;
	if (pathname === '/survey' || pathname.startsWith('/survey/'))
		redirect(308, `/undersoegelse${pathname.slice('/survey'.length)}${search}`);
	return resolve(event);
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale as Locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/**
 * Finds out who is asking — a session cookie (browser), a bearer token (API) or a survey link
 * (respondent) — and the organisation they act in: the session's, the token's, the link's
 * round's. Never from the request's input. These lookups run before any scope: the credential
 * names the organisation.
 */
const authenticate: Handle = async ({ event, resolve }) => {
	const { db } = await startApp();
	let actor: Actor = { kind: 'anonymous' };
	let organisationId: number | undefined;
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.organisation = null;
	event.locals.memberships = [];

	const bearer = event.request.headers.get('authorization');
	event.locals.respondentProblem = null;
	if (event.route.id?.startsWith('/svar/[token]') && event.params.token) {
		// A cluster respondent: the secret link is the only credential, and it names one cluster.
		const found = await resolveRespondent(db, event.params.token);
		if (found.ok) {
			actor = found.actor;
			organisationId = found.organisationId;
		} else event.locals.respondentProblem = found.reason;
	} else if (isApi(event.url.pathname) && bearer?.toLowerCase().startsWith('bearer ')) {
		const user = await authenticateApiToken(db, bearer.slice(7).trim());
		if (!user) {
			return apiError(
				401,
				'unauthenticated',
				m.error_unauthenticated({}, { locale: event.locals.locale })
			);
		}
		actor = userActor(user);
		organisationId = user.organisationId;
		event.locals.user = toSessionUser(user);
	} else {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) {
			const session = await validateSessionToken(db, token);
			if (session) {
				actor = userActor(session.user);
				organisationId = session.user.organisationId;
				event.locals.sessionId = session.sessionId;
				event.locals.user = toSessionUser(session.user);
				if (session.renewed) setSessionCookie(event, token, session.expiresAt);
			} else {
				clearSessionCookie(event);
			}
		}
	}
	// The header's switcher lists a session user's organisations, when there are several.
	const { organisation, memberships } =
		organisationId === undefined
			? { organisation: undefined, memberships: [] }
			: await requestOrganisation(
					db,
					organisationId,
					event.locals.sessionId ? event.locals.user?.id : undefined
				);
	event.locals.organisation = organisation ?? null;
	event.locals.memberships = memberships;
	event.locals.ctx = { db, actor, locale: event.locals.locale, organisation };
	return resolve(event);
};

/**
 * Routes that read a file as it arrives and must not hold a transaction meanwhile: on the
 * embedded engine an open transaction makes every other request wait, and the upload page asks
 * how far the import has come while it runs. Their service scopes its own steps
 * (`scoped` in `services/context.ts`).
 */
const streamingRoutes = new Set(['POST /virksomheder?/upload', 'POST /api/v1/imports']);

/** A response that must not be committed: a failure of the server (5xx). */
class RolledBack extends Error {
	constructor(readonly response: Response) {
		super('rolled back');
	}
}

/**
 * Runs the request in one transaction scoped to its organisation (`db/scope.ts`), as
 * PostgREST does: row-level security sees the organisation, new rows land in it. Writes are
 * committed when the response is ready; a 5xx rolls them back.
 */
const scope: Handle = async ({ event, resolve }) => {
	const ctx = event.locals.ctx;
	const organisation = ctx.organisation;
	// A page's form action is named in the query: `?/upload`.
	const action = [...event.url.searchParams.keys()].find((key) => key.startsWith('/')) ?? '';
	const route = `${event.request.method} ${event.route.id}${action ? `?${action}` : ''}`;
	// Public routes (sign-in, health, the language switch) touch no organisation's data; the
	// sign-in scopes its own writes.
	const access =
		event.route.id === null ? undefined : accessFor(event.route.id, event.request.method);
	// Platform routes act on the installation; each write into an organisation is scoped there.
	if (!organisation || access === 'public' || access === 'platform' || streamingRoutes.has(route))
		return resolve(event);
	try {
		return await inOrganisation(
			ctx.db,
			organisation.id,
			async (tx) => {
				event.locals.ctx = { ...ctx, db: tx, scoped: true };
				const response = await resolve(event);
				if (response.status >= 500) throw new RolledBack(response);
				return response;
			},
			{ rowSecurity: getConfig().rowSecurity }
		);
	} catch (err) {
		if (err instanceof RolledBack) return err.response;
		throw err;
	}
};

/** Enforces `auth/policy.ts` for every route before any load, action or endpoint runs. */
const authorize: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	if (routeId === null) return resolve(event); // unknown path: SvelteKit answers 404
	const locale = event.locals.locale;
	const api = isApi(event.url.pathname);
	// An id that cannot name anything names nothing: 404, whoever asks.
	if (!paramsAreWellFormed(routeId, event.params)) {
		if (api) return apiError(404, 'not_found', m.error_not_found({}, { locale }));
		error(404, { message: m.error_not_found({}, { locale }) });
	}
	const required = accessFor(routeId, event.request.method);
	if (required === undefined) {
		// No policy for this route and method: refuse. A route without a declared role is a bug.
		if (api) return apiError(405, 'method_not_allowed', m.error_method({}, { locale }));
		logger.warn('Refused request to a route without an access policy', {
			routeId,
			method: event.request.method
		});
		error(405, { message: m.error_method({}, { locale }) });
	}
	const { actor } = event.locals.ctx;
	if (required === 'respondent' && actor.kind !== 'respondent') {
		// A clear page for a bad link, never the staff login.
		const problem = event.locals.respondentProblem ?? 'unknown';
		error(problem === 'unknown' ? 404 : 410, {
			message:
				problem === 'revoked'
					? m.survey_link_revoked({}, { locale })
					: problem === 'expired'
						? m.survey_link_expired({}, { locale })
						: m.survey_link_unknown({}, { locale })
		});
	}
	if (!allows(actor, required)) {
		if (actor.kind === 'anonymous') {
			if (api) return apiError(401, 'unauthenticated', m.error_unauthenticated({}, { locale }));
			if (event.request.method === 'GET') {
				const target = event.url.pathname + event.url.search;
				redirect(303, `/login?redirectTo=${encodeURIComponent(target)}`);
			}
			error(401, { message: m.error_unauthenticated({}, { locale }) });
		}
		if (api) return apiError(403, 'forbidden', m.error_forbidden({}, { locale }));
		// Thrown from `handle`, this renders src/error.html with the status: no load has run.
		error(403, { message: m.error_forbidden({}, { locale }) });
	}
	const user = event.locals.user;
	// A one-time password opens nothing but the password change: not the API, not other pages.
	if (user?.mustChangePassword && !allowedWhilePasswordMustChange.has(routeId)) {
		if (api)
			return apiError(
				403,
				'password_change_required',
				m.error_password_change_required({}, { locale })
			);
		redirect(303, '/konto');
	}
	return resolve(event);
};

export const handle = sequence(
	securityHeaders,
	legacyPaths,
	i18n,
	limitRequestBodies,
	authenticate,
	authorize,
	scope
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: m.error_not_found() };
	const errorId = crypto.randomUUID();
	logger.error(`Unhandled error on ${event.request.method} ${event.url.pathname}`, {
		errorId,
		status,
		message,
		error
	});
	// A load outside `runLoad` that lost its database connection still says so (status 500).
	return { message: connectionLostError(error)?.message ?? m.error_unexpected(), errorId };
};
