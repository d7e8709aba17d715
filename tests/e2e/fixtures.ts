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
