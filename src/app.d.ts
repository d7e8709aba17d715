import type { Locale } from '$lib/format';
import type { Ctx } from '$lib/server/services/context';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted in logs, so a user can tell an admin which failure they saw. */
			errorId?: string;
		}
		interface Locals {
			/** Database, actor and language for service calls. */
			ctx: Ctx;
			locale: Locale;
			/** The signed-in staff user, for the layout; null for anonymous and respondents. */
			user: SessionUser | null;
			/** Hash id of the browser session, when signed in through a cookie. */
			sessionId: string | null;
			/** The organisation the request acts in (session, token or survey link). */
			organisation: import('$lib/domain/organisations').OrganisationRef | null;
			/** The signed-in user's organisations, for the header's switcher. */
			memberships: { organisationId: number; code: string; name: string; role: string }[];
			/** Why a survey link did not work, on respondent routes. */
			respondentProblem: 'unknown' | 'revoked' | 'expired' | null;
		}
	}

	interface SessionUser {
		id: string;
		email: string;
		name: string;
		role: 'admin' | 'analyst' | 'viewer';
		mustChangePassword: boolean;
	}
}

export {};
