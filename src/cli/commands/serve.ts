import type { Command } from 'commander';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { overrideEnvironment } from '$lib/server/config';
import { assertDataDirFree } from '$lib/server/db/lock';
import { m } from '$lib/server/i18n';
import { packageRoot } from '$lib/server/paths';
import { baselineHeaders, FALLBACK_CSP } from '$lib/server/security-headers';
import { parseInput } from '$lib/server/validation';
import type { ActionWrapper, Lang } from './types';
import { build, buildIsCurrent } from '../build';

const ServeOptions = z.object({
	port: z.coerce.number().int().min(1).max(65535).optional(),
	host: z.string().min(1).optional(),
	build: z.boolean().default(true)
});

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export function registerServe(program: Command, action: ActionWrapper, o: Lang): void {
	program
		.command('serve')
		.description(m.cli_serve_description({}, o))
		.option('--port <port>', m.cli_opt_port({}, o))
		.option('--host <host>', m.cli_opt_host({}, o))
		.option('--no-build', m.cli_opt_no_build({}, o))
		.action(
			action(async (cli, rawOptions) => {
				const options = parseInput(ServeOptions, rawOptions, cli.locale);
				overrideEnvironment({
					PORT: options.port === undefined ? undefined : String(options.port),
					HOST: options.host
				});
				const config = cli.config();
				const { host, port } = config.server;
				// SvelteKit checks form posts against this origin (CSRF); behind a proxy, set ORIGIN.
				if (!config.server.origin)
					overrideEnvironment({
						ORIGIN: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
					});
				// adapter-node reads its body limit from the environment when the handler loads, and
				// holds every route to it before our code runs: it gets the largest route limit (the API
				// import's); the smaller ones are kept on the bytes read (server/body-limits.ts). The
				// pages' limit goes on in KLYNGERADAR_BODY_SIZE_LIMIT for the server's own config.
				const { pages, apiImport } = config.bodyLimits;
				overrideEnvironment({
					KLYNGERADAR_BODY_SIZE_LIMIT: config.server.bodySizeLimit,
					BODY_SIZE_LIMIT: String(Math.max(pages, apiImport))
				});
				if (config.database.kind === 'pglite') assertDataDirFree(config.database.dataDir);

				if (!buildIsCurrent()) {
					if (!options.build)
						throw new Error('The build is missing or out of date; run without --no-build.');
					cli.error(m.cli_serve_building({}, { locale: cli.locale }));
					await build();
				}
				const { handler } = (await import(
					pathToFileURL(join(packageRoot, 'build', 'handler.js')).href
				)) as {
					handler: NodeHandler;
				};
				// Set before SvelteKit answers, so they hold for the responses it draws outside the
				// hooks too; the page's own CSP (with nonces) replaces the fallback.
				const baseline = Object.entries({
					...baselineHeaders((config.server.origin ?? '').startsWith('https:')),
					'content-security-policy': FALLBACK_CSP
				});
				const server = createServer((req, res) => {
					for (const [name, value] of baseline) res.setHeader(name, value);
					handler(req, res, () => {
						res.statusCode = 404;
						res.end();
					});
				});
				await new Promise<void>((resolve, reject) => {
					server.once('error', reject);
					server.listen(port, host, resolve);
				});
				cli.print(m.cli_serve_listening({ url: `http://${host}:${port}` }, { locale: cli.locale }));
				await new Promise<void>((resolve) => {
					const stop = (signal: NodeJS.Signals) => {
						server.close(() => resolve());
						server.closeIdleConnections();
						// hooks.server.ts closes the database on this event, as with adapter-node's own server.
						process.emit('sveltekit:shutdown' as never, signal as never);
					};
					process.once('SIGINT', stop);
					process.once('SIGTERM', stop);
				});
			})
		);
}
