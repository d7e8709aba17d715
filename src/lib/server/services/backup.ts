/**
 * Backup and restore of the whole database. PGlite: a gzipped tar of the data directory made by
 * PGlite itself (`dumpDataDir`), restored with `loadDataDir` into an empty directory. PostgreSQL:
 * `pg_dump --format=custom` and `pg_restore`, when those programs are installed.
 */
import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ValidationError } from '$lib/domain/errors';
import type { Locale } from '$lib/format';
import type { Config } from '../config';
import type { DbHandle } from '../db/client';
import { acquireDataDirLock } from '../db/lock';
import { m } from '../i18n';

const run = promisify(execFile);

export interface BackupResult {
	file: string;
	bytes: number;
	kind: 'pglite' | 'postgres';
}

async function runTool(program: string, args: string[], locale: Locale): Promise<void> {
	try {
		await run(program, args, { maxBuffer: 64 * 1024 * 1024 });
	} catch (err) {
		const error = err as NodeJS.ErrnoException & { stderr?: string };
		if (error.code === 'ENOENT') {
			throw new ValidationError(m.backup_tool_missing({ program }, { locale }));
		}
		throw new ValidationError(
			m.backup_tool_failed(
				{ program, detail: (error.stderr ?? error.message).trim().slice(0, 500) },
				{ locale }
			)
		);
	}
}

/** Writes a backup of an open PGlite database, or of the PostgreSQL database in the config. */
export async function backupDatabase(
	handle: DbHandle,
	config: Config,
	file: string,
	locale: Locale
): Promise<BackupResult> {
	const target = resolve(file);
	mkdirSync(dirname(target), { recursive: true });
	if (handle.pglite) {
		const dump = await handle.pglite.dumpDataDir('gzip');
		writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
		return { file: target, bytes: statSync(target).size, kind: 'pglite' };
	}
	if (config.database.kind !== 'postgres') throw new Error('expected a PostgreSQL configuration');
	await runTool(
		config.tools.pgDump,
		['--format=custom', '--no-owner', `--file=${target}`, config.database.url],
		locale
	);
	return { file: target, bytes: statSync(target).size, kind: 'postgres' };
}

function looksLikeGzip(bytes: Buffer): boolean {
	return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function looksLikePgDump(bytes: Buffer): boolean {
	return bytes.subarray(0, 5).toString('latin1') === 'PGDMP';
}

/**
 * Restores a backup. For PGlite the data directory must be empty or missing; with `force` an
 * existing one is moved aside (never deleted) first. The server must not be running.
 */
export async function restoreDatabase(
	config: Config,
	file: string,
	options: { force: boolean },
	locale: Locale
): Promise<{ kind: 'pglite' | 'postgres'; movedAside?: string }> {
	const source = resolve(file);
	if (!existsSync(source))
		throw new ValidationError(m.backup_file_missing({ file: source }, { locale }));
	const bytes = readFileSync(source);
	if (config.database.kind === 'postgres') {
		if (!looksLikePgDump(bytes))
			throw new ValidationError(m.backup_wrong_format_pg({ file: source }, { locale }));
		await runTool(
			config.tools.pgRestore,
			[
				'--clean',
				'--if-exists',
				'--no-owner',
				'--no-privileges',
				`--dbname=${config.database.url}`,
				source
			],
			locale
		);
		return { kind: 'postgres' };
	}
	if (config.database.kind !== 'pglite') throw new Error('restore needs a data directory');
	if (!looksLikeGzip(bytes))
		throw new ValidationError(m.backup_wrong_format_pglite({ file: source }, { locale }));
	const dataDir = resolve(config.database.dataDir);
	const release = acquireDataDirLock(dataDir);
	try {
		let movedAside: string | undefined;
		if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
			if (!options.force)
				throw new ValidationError(m.backup_target_not_empty({ dir: dataDir }, { locale }));
			movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
			renameSync(dataDir, movedAside);
		}
		mkdirSync(dataDir, { recursive: true });
		const restored = await PGlite.create(dataDir, { loadDataDir: new Blob([bytes]) });
		// Touch the catalog so a broken archive fails here, not at the next start.
		await restored.query('select 1');
		await restored.close();
		return { kind: 'pglite', movedAside };
	} finally {
		release();
	}
}
