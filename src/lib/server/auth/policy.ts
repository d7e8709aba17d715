/**
 * Who may reach each route, per HTTP method. `hooks.server.ts` enforces it for every request
 * before any load, action or endpoint runs; a route missing here is refused (fail closed), and
 * the `satisfies` below makes a new route without an entry a type error. Pages use GET for the
 * page and POST for its form actions.
 */
import type { RouteId } from '$app/types';
import type { Access } from '$lib/domain/access';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type MethodAccess = Partial<Record<HttpMethod, Access>>;

const viewerPage: MethodAccess = { GET: 'viewer' };
/** Folders that only group routes; nothing is served at them. */
const noRoute: MethodAccess = {};

export const routeAccess = {
	'/': viewerPage,
	'/login': { GET: 'public', POST: 'public' },
	'/logout': { POST: 'public' },
	'/sprog': { POST: 'public' },
	'/organisation': { POST: 'viewer' },
	'/nationalt': viewerPage,
	'/om-data': { GET: 'public' },
	'/invitation': noRoute,
	'/invitation/[token]': { GET: 'public', POST: 'public' },
	'/konto': { GET: 'viewer', POST: 'viewer' },
	'/klynger': viewerPage,
	'/klynger/[slug]': { GET: 'viewer', POST: 'analyst' },
	'/klynger/kort': viewerPage,
	'/klynger/historik': viewerPage,
	'/undersoegelse': { GET: 'viewer', POST: 'analyst' },
	'/undersoegelse/[id]': { GET: 'viewer', POST: 'analyst' },
	'/undersoegelse/[id]/spoergeskema': { GET: 'analyst', POST: 'analyst' },
	'/undersoegelse/[id]/interview': { GET: 'analyst', POST: 'analyst' },
	'/undersoegelse/[id]/eksport': noRoute,
	'/undersoegelse/[id]/eksport/[format]': { GET: 'analyst' },
	'/undersoegelse/udbakke': { GET: 'analyst', POST: 'analyst' },
	'/fund': viewerPage,
	'/fund/[id]': viewerPage,
	'/strategi': { GET: 'viewer', POST: 'analyst' },
	'/strategi/match': { GET: 'viewer', POST: 'analyst' },
	'/strategi/match/eksport': { GET: 'viewer' },
	'/strategi/anbefalinger': { GET: 'viewer', POST: 'analyst' },
	'/strategi/anbefalinger/eksport': { GET: 'viewer' },
	'/strategi/portefolje': viewerPage,
	'/strategi/modeller': { GET: 'viewer', POST: 'analyst' },
	'/strategi/modeller/[code]': { GET: 'viewer', POST: 'analyst' },
	'/aftaler': viewerPage,
	'/aftaler/ny': { GET: 'analyst', POST: 'analyst' },
	'/aftaler/eksport': { GET: 'viewer' },
	'/aftaler/opfoelgning': { GET: 'viewer', POST: 'analyst' },
	'/aftaler/overblik': viewerPage,
	'/aftaler/[id]': { GET: 'viewer', POST: 'analyst' },
	'/aftaler/[id]/rediger': { GET: 'analyst', POST: 'analyst' },
	'/aftaler/[id]/dokumenter': noRoute,
	'/aftaler/[id]/dokumenter/[doc]': { GET: 'viewer' },
	'/praesentationer': viewerPage,
	'/praesentationer/ny': { GET: 'analyst', POST: 'analyst' },
	'/praesentationer/[id]': { GET: 'viewer', POST: 'analyst' },
	'/praesentationer/[id]/rediger': { GET: 'analyst', POST: 'analyst' },
	'/praesentationer/[id]/sammenlign': viewerPage,
	'/praesentationer/[id]/udskrift': viewerPage,
	'/praesentationer/[id]/fil': noRoute,
	'/praesentationer/[id]/fil/[format]': { GET: 'viewer' },
	'/virksomheder': { GET: 'viewer', POST: 'analyst' },
	'/virksomheder/eksport': { GET: 'analyst' },
	'/virksomheder/fremdrift': { GET: 'analyst' },
	'/admin': { GET: 'admin' },
	'/admin/brugere': { GET: 'admin', POST: 'admin' },
	'/admin/organisationer': { GET: 'platform', POST: 'platform' },
	'/admin/organisation': { GET: 'admin', POST: 'admin' },
	'/admin/api-noegler': { GET: 'admin', POST: 'admin' },
	'/admin/revision': { GET: 'admin' },
	'/svar': noRoute,
	'/svar/[token]': { GET: 'respondent', POST: 'respondent' },
	'/svar/[token]/gem': { POST: 'respondent' },
	'/svar/[token]/indsend': { POST: 'respondent' },
	'/api': noRoute,
	'/api/v1': noRoute,
	'/api/v1/health': { GET: 'public' },
	'/api/v1/openapi': { GET: 'public' },
	'/api/v1/me': { GET: 'viewer' },
	'/api/v1/users': { GET: 'admin', POST: 'admin' },
	'/api/v1/organisations': { GET: 'platform', POST: 'platform' },
	'/api/v1/national': noRoute,
	'/api/v1/national/coverage': { GET: 'viewer' },
	'/api/v1/national/matrix': { GET: 'viewer' },
	'/api/v1/organisations/[code]': { PATCH: 'platform' },
	'/api/v1/organisations/[code]/members': { POST: 'platform' },
	'/api/v1/users/[id]': { PATCH: 'admin' },
	'/api/v1/tokens': { GET: 'admin', POST: 'admin' },
	'/api/v1/tokens/[id]': { DELETE: 'admin' },
	'/api/v1/audit': { GET: 'admin' },
	'/api/v1/clusters': { GET: 'viewer' },
	'/api/v1/clusters/[slug]': { GET: 'viewer', PATCH: 'analyst' },
	'/api/v1/clusters/[slug]/figures': { POST: 'analyst' },
	'/api/v1/clusters/[slug]/figures/[id]': { DELETE: 'analyst' },
	'/api/v1/clusters/[slug]/activities': { PUT: 'analyst' },
	'/api/v1/clusters/[slug]/stage-override': { PUT: 'analyst', DELETE: 'analyst' },
	'/api/v1/clusters/[slug]/offices': { POST: 'analyst' },
	'/api/v1/clusters/[slug]/offices/[id]': { DELETE: 'analyst' },
	'/api/v1/municipalities': { GET: 'viewer' },
	'/api/v1/regions': { GET: 'viewer' },
	'/api/v1/actors': { GET: 'viewer' },
	'/api/v1/strategies': noRoute,
	'/api/v1/strategies/[region]': { GET: 'viewer' },
	'/api/v1/strategies/[region]/fit': { GET: 'viewer' },
	'/api/v1/recommendations': { GET: 'viewer' },
	'/api/v1/agreements': { GET: 'viewer', POST: 'analyst' },
	'/api/v1/meetings': { GET: 'viewer' },
	'/api/v1/companies': noRoute,
	'/api/v1/companies/stats': { GET: 'viewer' },
	'/api/v1/imports': { POST: 'analyst' },
	'/api/v1/meetings/[id]': { GET: 'viewer' },
	'/api/v1/meetings/[id]/deck': noRoute,
	'/api/v1/meetings/[id]/deck/[format]': { GET: 'viewer' },
	'/api/v1/agreements/[id]': { GET: 'viewer', PATCH: 'analyst', DELETE: 'analyst' },
	'/api/v1/agreements/[id]/goals': { POST: 'analyst' },
	'/api/v1/agreements/[id]/goals/[goalId]': noRoute,
	'/api/v1/agreements/[id]/goals/[goalId]/kpis': { POST: 'analyst' },
	'/api/v1/agreements/[id]/kpis': noRoute,
	'/api/v1/agreements/[id]/kpis/[kpiId]': noRoute,
	'/api/v1/agreements/[id]/kpis/[kpiId]/measurements': { POST: 'analyst' },
	'/api/v1/survey-rounds': { GET: 'viewer', POST: 'analyst' },
	'/api/v1/survey-rounds/import': { POST: 'analyst' },
	'/api/v1/survey-rounds/[id]': { GET: 'viewer' },
	'/api/v1/survey-rounds/[id]/findings': { GET: 'viewer' },
	'/api/v1/survey-rounds/[id]/export': { GET: 'analyst' }
} as const satisfies Record<RouteId, MethodAccess>;

/** The access a route and method require, or undefined when none is declared (refuse). */
export function accessFor(routeId: string, method: string): Access | undefined {
	const entry = (routeAccess as Record<string, MethodAccess | undefined>)[routeId];
	if (!entry) return undefined;
	// HEAD is a GET without a body.
	const key = (method === 'HEAD' ? 'GET' : method) as HttpMethod;
	return entry[key];
}

/** Pages a signed-in user with a one-time password may still use before choosing their own. */
export const allowedWhilePasswordMustChange = new Set<string>([
	'/konto',
	'/logout',
	'/sprog',
	'/om-data'
]);
