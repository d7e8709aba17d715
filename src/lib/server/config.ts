/**
 * The one place that reads the environment. It is parsed once with zod; a bad value stops the
 * program at start with a message naming the variable. Every variable is documented in
 * `.env.example` and in the README's configuration table.
 */
import { z } from 'zod';

const booleanText = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'], {
		error: () => 'expected true or false'
	})
	.transform((value) => value === 'true' || value === '1' || value === 'yes');

const MB = 1024 * 1024;
/** The largest file an import reads (`IMPORT_LIMITS.bytes` in the company import service). */
const MAX_IMPORT_BYTES = 400 * MB;

/** A size such as 512K, 12M or 1G in bytes, read as adapter-node reads its BODY_SIZE_LIMIT. */
export function sizeInBytes(text: string): number {
	const unit = { K: 1024, M: MB, G: 1024 * MB }[text.slice(-1).toUpperCase()];
	return unit ? Number(text.slice(0, -1)) * unit : Number(text);
}

const size = z.string().regex(/^\d+[KMG]?$/i, { error: 'expected a size such as 512K or 12M' });

const EnvSchema = z.object({
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, { error: 'expected a postgres:// or postgresql:// URL' })
		.optional(),
	KLYNGERADAR_DATA_DIR: z.string().min(1).default('./data/db'),
	HOST: z.string().min(1).default('127.0.0.1'),
	PORT: z.coerce
		.number({ error: 'expected a port number' })
		.int({ error: 'expected a whole port number' })
		.min(1, { error: 'expected a port between 1 and 65535' })
		.max(65535, { error: 'expected a port between 1 and 65535' })
		.default(3000),
	ORIGIN: z
		.url({ error: 'expected the public URL, e.g. https://klyngeradar.example.dk' })
		.optional(),
	BODY_SIZE_LIMIT: size.default('12M'),
	// `klyngeradar serve` raises adapter-node's BODY_SIZE_LIMIT to the largest route limit and
	// keeps the user's value here, for the server it starts, which parses the environment again.
	KLYNGERADAR_BODY_SIZE_LIMIT: size.optional(),
	KLYNGERADAR_IMPORT_SIZE_LIMIT: size
		.refine((value) => sizeInBytes(value) <= MAX_IMPORT_BYTES, {
			error: 'expected at most 400M, the largest file an import reads'
		})
		.default('400M'),
	KLYNGERADAR_DEMO_DATA: booleanText.default(true),
	KLYNGERADAR_ADMIN_EMAIL: z
		.email({ error: 'expected an e-mail address' })
		.default('admin@klyngeradar.local'),
	KLYNGERADAR_LANG: z.enum(['da', 'en'], { error: 'expected da or en' }).default('da'),
	LOG_LEVEL: z
		.enum(['error', 'warn', 'info', 'debug'], { error: 'expected error, warn, info or debug' })
		.default('info'),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, { error: 'expected an smtp:// or smtps:// URL' })
		.optional(),
	SMTP_FROM: z.string().min(3).default('Klyngeradar <noreply@localhost>'),
	PG_DUMP: z.string().min(1).default('pg_dump'),
	PG_RESTORE: z.string().min(1).default('pg_restore'),
	SOFFICE: z.string().min(1).default('soffice'),
	PATH: z.string().default(''),
	KLYNGERADAR_DECK_ORGANISATION: z.string().trim().min(1).max(120).optional(),
	KLYNGERADAR_DECK_LOGO: z
		.string()
		.regex(/\.png$/i, { error: 'expected the path of a PNG file' })
		.optional(),
	KLYNGERADAR_CHECK_SCHEMAS: booleanText.default(false),
	KLYNGERADAR_ROW_SECURITY: booleanText.default(true)
});

export type DatabaseConfig =
	| { kind: 'pglite'; dataDir: string }
	| { kind: 'pglite-memory' }
	| { kind: 'postgres'; url: string };

export interface Config {
	database: DatabaseConfig;
	/** `bodySizeLimit`: the pages' BODY_SIZE_LIMIT as given (see `bodyLimits`). */
	server: { host: string; port: number; origin?: string; bodySizeLimit: string };
	/**
	 * Largest request bodies in bytes, counted on the bytes read: `pages` for every route but the
	 * API import (BODY_SIZE_LIMIT), `apiImport` for `POST /api/v1/imports`.
	 */
	bodyLimits: { pages: number; apiImport: number };
	demoData: boolean;
	/** E-mail of the admin created on first start, when the database has no users. */
	firstAdminEmail: string;
	lang: 'da' | 'en';
	logLevel: 'error' | 'warn' | 'info' | 'debug';
	smtp?: { url: string };
	/** Sender of every message, whether it goes out by SMTP or waits in the outbox. */
	mailFrom: string;
	/** `soffice` is a name looked up on `searchPath`, or a path. */
	tools: { pgDump: string; pgRestore: string; soffice: string; searchPath: string };
	/** The organisation named on every slide (default: the region) and its logo. */
	deck: { organisation?: string; logoFile?: string };
	/**
	 * Parse API answers and raw query rows against their declared zod schemas, and fail loudly on
	 * a mismatch. On under `vite dev`, Vitest and the e2e server; off in production, where the
	 * schemas cost time on every request and the tests have already held the code to them.
	 */
	checkSchemas: boolean;
	/**
	 * Act as `klyngeradar_app` inside an organisation's scope, so PostgreSQL's row-level
	 * security holds every owned table (`db/scope.ts`). Off only to measure what it costs.
	 */
	rowSecurity: boolean;
}

export class ConfigError extends Error {
	override name = 'ConfigError';
}

type Environment = Record<string, string | undefined>;

/** Parses an environment (by default the process's) into a typed config, or throws ConfigError. */
export function loadConfig(env: Environment = process.env): Config {
	// Empty strings in a .env file mean "not set".
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, value]) => value !== undefined && value !== '')
	);
	const parsed = EnvSchema.safeParse(cleaned);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => {
			const name = issue.path.join('.');
			const given = cleaned[name];
			return `  ${name}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
		});
		throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example.`);
	}
	const e = parsed.data;
	const pageLimit = e.KLYNGERADAR_BODY_SIZE_LIMIT ?? e.BODY_SIZE_LIMIT;
	return {
		database: e.DATABASE_URL
			? { kind: 'postgres', url: e.DATABASE_URL }
			: { kind: 'pglite', dataDir: e.KLYNGERADAR_DATA_DIR },
		server: { host: e.HOST, port: e.PORT, origin: e.ORIGIN, bodySizeLimit: pageLimit },
		bodyLimits: {
			pages: sizeInBytes(pageLimit),
			apiImport: sizeInBytes(e.KLYNGERADAR_IMPORT_SIZE_LIMIT)
		},
		demoData: e.KLYNGERADAR_DEMO_DATA,
		firstAdminEmail: e.KLYNGERADAR_ADMIN_EMAIL.toLowerCase(),
		lang: e.KLYNGERADAR_LANG,
		logLevel: e.LOG_LEVEL,
		smtp: e.SMTP_URL ? { url: e.SMTP_URL } : undefined,
		mailFrom: e.SMTP_FROM,
		tools: { pgDump: e.PG_DUMP, pgRestore: e.PG_RESTORE, soffice: e.SOFFICE, searchPath: e.PATH },
		deck: { organisation: e.KLYNGERADAR_DECK_ORGANISATION, logoFile: e.KLYNGERADAR_DECK_LOGO },
		checkSchemas: e.KLYNGERADAR_CHECK_SCHEMAS,
		rowSecurity: e.KLYNGERADAR_ROW_SECURITY
	};
}

let cached: Config | undefined;

/** The process-wide config, parsed on first use. */
export function getConfig(): Config {
	cached ??= loadConfig();
	return cached;
}

/**
 * Lets the CLI's global flags (`--data-dir`, `--port`) win over the environment. They are
 * written into the environment so the built web server, which parses it again, sees them too.
 */
export function overrideEnvironment(overrides: Environment): void {
	for (const [name, value] of Object.entries(overrides)) {
		if (value !== undefined) process.env[name] = value;
	}
	cached = undefined;
}
