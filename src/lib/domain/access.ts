/**
 * Who may do what. Staff roles are ordered: an admin can do all an analyst can, an analyst all a
 * viewer can. A cluster respondent is outside that order: they reach only their own cluster's
 * survey form, through a secret link.
 */

export const staffRoles = ['admin', 'analyst', 'viewer'] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * What a route or endpoint requires: a staff role in the organisation in scope, the platform
 * admin's (who creates organisations and their first admins), a respondent link, or nothing.
 */
export type Access = StaffRole | 'platform' | 'respondent' | 'public';

const rank: Record<StaffRole, number> = { viewer: 1, analyst: 2, admin: 3 };

export type Actor =
	| {
			kind: 'user';
			id: string;
			email: string;
			name: string;
			role: StaffRole;
			/** Administers the installation: its organisations and their first admins. */
			platformAdmin?: boolean;
	  }
	| { kind: 'respondent'; invitationId: string; roundId: number; clusterSlug: string }
	| { kind: 'system'; label: 'cli' | 'seed' | 'bootstrap' | 'test' | 'scheduler' }
	| { kind: 'anonymous' };

/** True when the actor holds the required access (system actors act with full rights). */
export function allows(actor: Actor, required: Access): boolean {
	if (required === 'public') return true;
	if (actor.kind === 'system') return true;
	if (required === 'respondent') return actor.kind === 'respondent';
	if (required === 'platform') return actor.kind === 'user' && actor.platformAdmin === true;
	return actor.kind === 'user' && rank[actor.role] >= rank[required];
}

/** The label written to the audit log for an actor. */
export function actorLabel(actor: Actor): string {
	switch (actor.kind) {
		case 'user':
			return actor.email;
		case 'respondent':
			return `respondent:${actor.clusterSlug}`;
		case 'system':
			return actor.label;
		case 'anonymous':
			return 'anonymous';
	}
}

export function isStaffRole(value: string): value is StaffRole {
	return (staffRoles as readonly string[]).includes(value);
}
