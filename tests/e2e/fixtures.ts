/**
 * Shared by the e2e server script and the tests: the port, the data directory and the staff
 * accounts created before the server starts.
 */
export const E2E_PORT = 4173;
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const accounts = {
	admin: { email: 'admin@e2e.example.dk', password: 'e2e admin passphrase', name: 'Ada Admin' },
	analyst: {
		email: 'analyst@e2e.example.dk',
		password: 'e2e analyst passphrase',
		name: 'Ane Analytiker'
	},
	viewer: { email: 'viewer@e2e.example.dk', password: 'e2e viewer passphrase', name: 'Viggo Læser' }
} as const;

export type Role = keyof typeof accounts;

/**
 * Ids of the second demo organisation's round, agreement and meeting, written by the e2e server
 * script after `db seed --demo --organisations 2`: the e2e analyst is not a member there.
 */
export async function otherOrganisationIds(): Promise<{
	round: number;
	agreement: number;
	meeting: number;
}> {
	const { readFileSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const file = join(tmpdir(), `klyngeradar-e2e-${E2E_PORT}-other-organisation.json`);
	return JSON.parse(readFileSync(file, 'utf8')) as {
		round: number;
		agreement: number;
		meeting: number;
	};
}
