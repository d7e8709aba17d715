import { describe, expect, it } from 'vitest';
import { actorLabel, allows, type Access, type Actor } from './access';

const user = (role: 'admin' | 'analyst' | 'viewer'): Actor => ({
	kind: 'user',
	id: 'u1',
	email: `${role}@example.dk`,
	name: role,
	role
});
const respondent: Actor = {
	kind: 'respondent',
	invitationId: 'i1',
	roundId: 1,
	clusterSlug: 'made'
};
const anonymous: Actor = { kind: 'anonymous' };

describe('allows', () => {
	const cases: [string, Actor, Access, boolean][] = [
		['anonymous, public', anonymous, 'public', true],
		['anonymous, viewer', anonymous, 'viewer', false],
		['anonymous, respondent', anonymous, 'respondent', false],
		['viewer, viewer', user('viewer'), 'viewer', true],
		['viewer, analyst', user('viewer'), 'analyst', false],
		['analyst, analyst', user('analyst'), 'analyst', true],
		['analyst, admin', user('analyst'), 'admin', false],
		['admin, admin', user('admin'), 'admin', true],
		['admin, viewer', user('admin'), 'viewer', true],
		['admin is no respondent', user('admin'), 'respondent', false],
		['respondent, respondent', respondent, 'respondent', true],
		['respondent, viewer', respondent, 'viewer', false],
		['system, admin', { kind: 'system', label: 'cli' }, 'admin', true]
	];
	it.each(cases)('%s', (_, actor, required, expected) => {
		expect(allows(actor, required)).toBe(expected);
	});
});

describe('actorLabel', () => {
	it('names users by e-mail and respondents by cluster', () => {
		expect(actorLabel(user('analyst'))).toBe('analyst@example.dk');
		expect(actorLabel(respondent)).toBe('respondent:made');
		expect(actorLabel({ kind: 'system', label: 'seed' })).toBe('seed');
	});
});
