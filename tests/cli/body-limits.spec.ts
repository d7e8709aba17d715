/**
 * Request body limits on the built server, met by a client that sends its bodies chunked (no
 * content-length announces the size): each route stops reading at its own limit and answers 413
 * with the limit named, and the server goes on answering. The limits are set small through the
 * environment (`BODY_SIZE_LIMIT` for the pages, `KLYNGERADAR_IMPORT_SIZE_LIMIT` for the API
 * import) so the bodies stay a few MB; the import's limit is above the pages' on purpose.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../src/lib/domain/companies/cvr';
import { klyngeradar, start, stop, tempDir } from './run';

const PORT = 4183;
const base = `http://127.0.0.1:${PORT}`;
const MB = 1024 * 1024;
const email = 'analyst@limits.example.dk';
const password = 'kvadratisk grænse-test 47 med lange ord';

let server: ChildProcess | undefined;
let token = '';
let cookie = '';

/** `head`, then `size` bytes of `x`, then `tail`, sent in 64 KB pieces. */
function chunked(head: string, size: number, tail = ''): ReadableStream<Uint8Array> {
	const piece = new TextEncoder().encode('x'.repeat(64 * 1024));
	const encoder = new TextEncoder();
	let left = size;
	let stage: 'head' | 'fill' | 'tail' | 'done' = 'head';
	return new ReadableStream({
		pull(controller) {
			if (stage === 'head') {
				controller.enqueue(encoder.encode(head));
				stage = 'fill';
			} else if (stage === 'fill') {
				const n = Math.min(left, piece.length);
				controller.enqueue(piece.slice(0, n));
				left -= n;
				if (left === 0) stage = 'tail';
			} else if (stage === 'tail') {
				controller.enqueue(encoder.encode(tail));
				stage = 'done';
			} else controller.close();
		}
	});
}

/** A text sent in 64 KB pieces. */
function chunkedText(text: string): ReadableStream<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	let at = 0;
	return new ReadableStream({
		pull(controller) {
			if (at >= bytes.length) return controller.close();
			controller.enqueue(bytes.slice(at, at + 64 * 1024));
			at += 64 * 1024;
		}
	});
}

function post(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) {
	return fetch(`${base}${path}`, { method: 'POST', body, duplex: 'half', headers } as RequestInit);
}

/**
 * A chunked POST that stops sending once the answer has begun, as a browser does with an
 * early answer. `fetch` keeps writing instead, and when the server closes the connection
 * after its 413 (the rest of the body unread) it may drop the answer it was still reading.
 */
function postUntilAnswered(
	path: string,
	body: ReadableStream<Uint8Array>,
	headers: Record<string, string>
): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
	return new Promise((resolve, reject) => {
		const req = request(`${base}${path}`, { method: 'POST', headers });
		let answered = false;
		const answer = once(req, 'response');
		answer.then(
			async (args: unknown[]) => {
				const res = args[0] as IncomingMessage;
				answered = true;
				const chunks: Buffer[] = [];
				for await (const chunk of res) chunks.push(chunk as Buffer);
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					text: Buffer.concat(chunks).toString('utf8')
				});
			},
			(err: unknown) => reject(err as Error)
		);
		// Writes after the answer (the server closing the connection) are expected to fail.
		req.on('error', (err) => {
			if (!answered) reject(err);
		});
		// A connection closed before any answer fails the test at once instead of timing out.
		req.on('close', () => {
			if (!answered) reject(new Error('the connection closed before an answer'));
		});
		void (async () => {
			const reader = body.getReader();
			while (!answered) {
				const { done, value } = await reader.read();
				if (done) break;
				if (!req.write(value)) await Promise.race([once(req, 'drain'), answer]);
			}
			if (!answered) req.end();
		})().catch(() => undefined);
	});
}

async function expectStillAnswering(): Promise<void> {
	const health = await fetch(`${base}/api/v1/health`);
	expect(health.status).toBe(200);
	expect(await health.json()).toMatchObject({ status: 'ok' });
}

async function expectApi413(response: Response, message: string): Promise<void> {
	expect(response.status).toBe(413);
	// The rest of the body was not read, so the connection cannot carry another request.
	expect(response.headers.get('connection')).toBe('close');
	expect(await response.json()).toEqual({ error: { code: 'payload_too_large', message } });
}

/** A member list of `rows` synthetic companies with long names, as CSV. */
function memberList(rows: number): string {
	const lines = ['cvr;name'];
	// withCheckDigit takes the first seven digits and skips stems whose check digit would be 10.
	for (let stem = 4_000_000; lines.length <= rows && stem < 10_000_000; stem += 1) {
		const cvr = withCheckDigit(String(stem));
		if (cvr) lines.push(`${cvr};Virksomhed ${stem} ${'med et langt navn '.repeat(8)}ApS`);
	}
	return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
	const dataDir = join(tempDir(), 'db');
	const created = await klyngeradar(
		[
			'--data-dir',
			dataDir,
			'user',
			'create',
			'--email',
			email,
			'--role',
			'analyst',
			'--name',
			'Ane Analytiker',
			'--password-stdin'
		],
		{ input: `${password}\n` }
	);
	expect(created.code, created.stderr).toBe(0);
	const issued = await klyngeradar([
		'--data-dir',
		dataDir,
		'--json',
		'token',
		'create',
		'--email',
		email
	]);
	expect(issued.code, issued.stderr).toBe(0);
	token = (JSON.parse(issued.stdout) as { token: string }).token;
	const started = await start(
		['--data-dir', dataDir, 'serve', '--port', String(PORT)],
		/Klyngeradar kører på/,
		{ BODY_SIZE_LIMIT: '3M', KLYNGERADAR_IMPORT_SIZE_LIMIT: '4M', KLYNGERADAR_DEMO_DATA: 'false' }
	);
	server = started.child;
	const login = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password }).toString()
	});
	expect(login.status).toBe(303);
	cookie =
		login.headers
			.getSetCookie()
			.find((value) => value.startsWith('kr_session='))
			?.split(';')[0] ?? '';
	expect(cookie).not.toBe('');
});

afterAll(async () => {
	if (server) expect(await stop(server)).toBe(0);
});

describe('request body limits on the bytes read', () => {
	it('stops a chunked JSON body over 2 MB to an API endpoint with 413', async () => {
		const response = await post(
			'/api/v1/survey-rounds',
			chunked('{"regionCode":"1081","year":2024,"sinceYear":2022,"title":"', 2.5 * MB, '"}'),
			{ authorization: `Bearer ${token}`, 'content-type': 'application/json' }
		);
		await expectApi413(response, 'Forespørgslen er for stor: højst 2 MB.');
		await expectStillAnswering();
	});

	it('stops a chunked autosave of 300 KB behind a survey link with 413', async () => {
		const created = await fetch(`${base}/api/v1/survey-rounds`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({
				regionCode: '1081',
				year: 2024,
				sinceYear: 2022,
				title: 'Grænsetest',
				clusters: ['made']
			})
		});
		expect(created.status).toBe(201);
		const { roundId } = (await created.json()) as { roundId: number };
		const page = await (
			await fetch(`${base}/undersoegelse/${roundId}`, { headers: { cookie } })
		).text();
		const invitationId = /name="invitationId" value="([^"]+)"/.exec(page)?.[1] ?? '';
		expect(invitationId).not.toBe('');
		const sent = await fetch(`${base}/undersoegelse/${roundId}?/send`, {
			method: 'POST',
			headers: {
				cookie,
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ invitationId }).toString()
		});
		const link = /\/svar\/([a-z2-7]{40})/.exec(await sent.text())?.[1] ?? '';
		expect(link).not.toBe('');

		const response = await post(
			`/svar/${link}/gem`,
			chunked('{"data":{"note":"', 300 * 1024, '"}}'),
			{ 'content-type': 'application/json' }
		);
		await expectApi413(response, 'Forespørgslen er for stor: højst 0,25 MB.');
		await expectStillAnswering();
	});

	it('answers a chunked web upload over the pages’ limit with a clear message', async () => {
		const boundary = 'grænse-boundary-7f3a';
		const field = (name: string, value: string) =>
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
		const head =
			field('kind', 'members') +
			field('cluster', 'made') +
			field('year', '2023') +
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.csv"\r\n` +
			'Content-Type: text/csv\r\n\r\ncvr;name\n';
		const response = await postUntilAnswered(
			'/virksomheder?/upload',
			chunked(head, 3.5 * MB, `\r\n--${boundary}--\r\n`),
			{
				cookie,
				origin: base,
				accept: 'text/html',
				'content-type': `multipart/form-data; boundary=${boundary}`
			}
		);
		expect(response.status).toBe(413);
		expect(response.headers.connection).toBe('close');
		expect(response.text).toContain(
			'Filen er for stor til upload på siden: højst 3 MB. Større filer, op til 4 MB, indlæses med klyngeradar import eller POST /api/v1/imports.'
		);
		await expectStillAnswering();
	});

	it('imports a chunked list through the API above the pages’ limit, within its own', async () => {
		const csv = memberList(20_000);
		expect(csv.length).toBeGreaterThan(3.2 * MB);
		expect(csv.length).toBeLessThan(4 * MB);
		const response = await post(
			'/api/v1/imports?kind=members&cluster=made&year=2023',
			chunkedText(csv),
			{ authorization: `Bearer ${token}`, 'content-type': 'text/csv' }
		);
		expect(response.status, await response.clone().text()).toBe(201);
		expect(await response.json()).toMatchObject({ rowsRead: 20_000, rowsAccepted: 20_000 });
	});

	it('stops a chunked API import over its own limit with 413', async () => {
		const response = await post(
			'/api/v1/imports?kind=members&cluster=made&year=2023',
			chunked('cvr;name\n', 4.5 * MB),
			{ authorization: `Bearer ${token}`, 'content-type': 'text/csv' }
		);
		await expectApi413(response, 'Filen er for stor (højst 4 MB).');
		await expectStillAnswering();
	});
});
