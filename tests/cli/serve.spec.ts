/**
 * The first start of a fresh installation, as `npm start` runs it: the server builds if needed,
 * creates the first admin, prints a one-time password, and that password signs in once and must
 * be replaced.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { klyngeradar, start, stop, tempDir } from './run';

const PORT = 4181;
const base = `http://127.0.0.1:${PORT}`;

function cookieFrom(response: Response): string {
	const cookie = response.headers.getSetCookie().find((value) => value.startsWith('kr_session='));
	if (!cookie) throw new Error('no session cookie');
	return cookie.split(';')[0] ?? '';
}

describe('klyngeradar serve on a fresh data directory', () => {
	it('prints a one-time admin password that signs in once and must be changed', async () => {
		const dataDir = join(tempDir(), 'db');
		const server = await start(
			['--data-dir', dataDir, 'serve', '--port', String(PORT)],
			/Klyngeradar kører på/,
			{}
		);
		try {
			const printed = /Engangskode: ([a-z2-9-]+)/.exec(server.output());
			expect(printed?.[1]).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
			const password = printed?.[1] ?? '';
			expect(server.output()).toContain('admin@klyngeradar.local');

			const health = (await (await fetch(`${base}/api/v1/health`)).json()) as {
				status: string;
				database: { kind: string };
			};
			expect(health).toMatchObject({ status: 'ok', database: { kind: 'pglite' } });

			// While the server holds the data directory, other commands refuse to open it.
			const locked = await klyngeradar(['--data-dir', dataDir, 'db', 'status']);
			expect(locked.code).toBe(1);
			expect(locked.stderr).toContain('bruges af en anden proces');

			const form = (fields: Record<string, string>) => ({
				method: 'POST',
				redirect: 'manual' as const,
				headers: {
					origin: base,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams(fields).toString()
			});
			const wrong = await fetch(
				`${base}/login`,
				form({ email: 'admin@klyngeradar.local', password: 'guess' })
			);
			expect(wrong.status).toBe(400);

			const login = await fetch(
				`${base}/login`,
				form({ email: 'admin@klyngeradar.local', password })
			);
			expect(login.status).toBe(303);
			expect(login.headers.get('location')).toBe('/konto');
			const cookie = cookieFrom(login);

			// Until the password is changed, every page leads back to the account page.
			const home = await fetch(`${base}/admin/brugere`, {
				redirect: 'manual',
				headers: { cookie }
			});
			expect(home.status).toBe(303);
			expect(home.headers.get('location')).toBe('/konto');

			const change = await fetch(`${base}/konto`, {
				...form({
					current: password,
					password: 'vores egen lange adgangssætning',
					confirm: 'vores egen lange adgangssætning'
				}),
				headers: { ...form({}).headers, cookie }
			});
			expect(change.status).toBe(200);
			const admin = await fetch(`${base}/admin/brugere`, {
				redirect: 'manual',
				headers: { cookie }
			});
			expect(admin.status).toBe(200);
			expect(await admin.text()).toContain('admin@klyngeradar.local');

			// The one-time password no longer works.
			const again = await fetch(
				`${base}/login`,
				form({ email: 'admin@klyngeradar.local', password })
			);
			expect(again.status).toBe(400);
		} finally {
			expect(await stop(server.child)).toBe(0);
		}
		// A clean stop releases the data directory.
		expect(existsSync(`${dataDir}.lock`)).toBe(false);
		const restarted = await start(
			['--data-dir', dataDir, 'serve', '--port', String(PORT)],
			/Klyngeradar kører på/,
			{}
		);
		expect(restarted.output()).not.toContain('Engangskode');
		await stop(restarted.child);
	});
});
