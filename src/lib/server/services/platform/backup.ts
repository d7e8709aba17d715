/**
 * Backup and restore of the whole database. PGlite: a gzipped tar of the data directory made by
 * PGlite itself (`dumpDataDir`), restored with `loadDataDir` into an empty directory. PostgreSQL:
 * `pg_dump --format=custom` and `pg_restore`, when those programs are installed.
 *
 * A restore reads the whole backup before it changes anything, so a file cut off by a full disk
 * or an interrupted copy is refused in one line and the database stays as it was.
 */
import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { devNull } from 'node:os';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { ValidationError } from '$lib/domain/errors';
import { formatNumber, type Locale } from '$lib/format';
import type { Config } from '../../config';
import type { DbHandle } from '../../db/client';
import { acquireDataDirLock } from '../../db/lock';
import { m } from '../../i18n';

const run = promisify(execFile);

export interface BackupResult {
	file: string;
	bytes: number;
	kind: 'pglite' | 'postgres';
}

/** A tool's or library's complaint as part of one line. */
function oneLine(text: string, max = 500): string {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)
		.join(' · ')
		.slice(0, max);
}

async function runTool(
	program: string,
	args: string[],
	locale: Locale,
	failed: (detail: string) => string = (detail) =>
		m.backup_tool_failed({ program, detail }, { locale })
): Promise<void> {
	try {
		await run(program, args, { maxBuffer: 64 * 1024 * 1024 });
	} catch (err) {
		const error = err as NodeJS.ErrnoException & { stderr?: string };
		if (error.code === 'ENOENT') {
			throw new ValidationError(m.backup_tool_missing({ program }, { locale }));
		}
		throw new ValidationError(failed(oneLine(error.stderr || error.message)));
	}
}

/** "The backup is incomplete or damaged: <reason>. The database has not been changed. File: …" */
function damaged(file: string, reason: string, locale: Locale): ValidationError {
	return new ValidationError(m.backup_corrupt({ reason, file }, { locale }));
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

const BLOCK = 512;

/** A tar header's numeric field: octal text, or base-256 when the high bit is set (GNU). */
function tarNumber(field: Buffer): number {
	if ((field[0] ?? 0) & 0x80) {
		let value = (field[0] ?? 0) & 0x7f;
		for (const byte of field.subarray(1)) value = value * 256 + byte;
		return value;
	}
	const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
	return /^[0-7]+$/.test(text) ? parseInt(text, 8) : Number.NaN;
}

/** The header checksum: every byte summed, with the checksum field itself counted as spaces. */
function tarHeaderIsValid(header: Buffer): boolean {
	let sum = 8 * 0x20;
	for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += header[i] ?? 0;
	return tarNumber(header.subarray(148, 156)) === sum;
}

type TarProblem =
	| { kind: 'not-tar' }
	| { kind: 'truncated' }
	| { kind: 'damaged'; offset: number }
	| { kind: 'no-data-dir' };

/**
 * Walks a tar archive's headers without unpacking it: every header's checksum holds, every
 * entry's data is there, the end-of-archive block is reached, and `PG_VERSION` sits at the top,
 * as in every PGlite data directory. Null when all of that holds.
 */
function checkDataDirTar(tar: Buffer): TarProblem | null {
	let offset = 0;
	let hasVersion = false;
	while (offset + BLOCK <= tar.length) {
		const header = tar.subarray(offset, offset + BLOCK);
		if (header.every((byte) => byte === 0)) {
			return hasVersion ? null : { kind: 'no-data-dir' };
		}
		if (!tarHeaderIsValid(header))
			return offset === 0 ? { kind: 'not-tar' } : { kind: 'damaged', offset };
		const size = tarNumber(header.subarray(124, 136));
		if (!Number.isFinite(size)) return { kind: 'damaged', offset };
		const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
		if (/^(\.?\/)?PG_VERSION$/.test(name)) hasVersion = true;
		offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
	}
	return tar.length < BLOCK ? { kind: 'not-tar' } : { kind: 'truncated' };
}

/**
 * A PGlite backup's tar, unpacked and checked in full, or a ValidationError saying what is wrong.
 * PGlite would unpack the gzip itself, but an error there escapes every `catch` (an uncaught
 * exception with a stack trace, after the data directory was created), so it gets this tar.
 */
function readPgliteBackup(bytes: Buffer, file: string, locale: Locale): Uint8Array<ArrayBuffer> {
	const o = { locale };
	let tar: Buffer;
	try {
		tar = gunzipSync(bytes);
	} catch (err) {
		const error = err as NodeJS.ErrnoException;
		// zlib says Z_BUF_ERROR ("unexpected end of file") when the compressed stream stops early.
		throw damaged(
			file,
			error.code === 'Z_BUF_ERROR'
				? m.backup_corrupt_truncated({}, o)
				: m.backup_corrupt_unreadable({ detail: oneLine(error.message, 200) }, o),
			locale
		);
	}
	const problem = checkDataDirTar(tar);
	// zlib's output never lives in a SharedArrayBuffer; Blob's type wants that said.
	if (!problem) return new Uint8Array(tar.buffer as ArrayBuffer, tar.byteOffset, tar.byteLength);
	const reason =
		problem.kind === 'not-tar'
			? m.backup_corrupt_not_tar({}, o)
			: problem.kind === 'truncated'
				? m.backup_corrupt_truncated({}, o)
				: problem.kind === 'no-data-dir'
					? m.backup_corrupt_no_data_dir({}, o)
					: m.backup_corrupt_damaged_at({ offset: formatNumber(problem.offset, locale, 0) }, o);
	throw damaged(file, reason, locale);
}

/**
 * Restores a backup. For PGlite the data directory must be empty or missing; with `force` an
 * existing one is moved aside (never deleted) first. The server must not be running. The backup
 * is read in full first; a truncated or damaged one is refused before anything changes.
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
	if (bytes.length === 0) throw damaged(source, m.backup_corrupt_empty({}, { locale }), locale);
	if (config.database.kind === 'postgres') {
		if (!looksLikePgDump(bytes))
			throw new ValidationError(m.backup_wrong_format_pg({ file: source }, { locale }));
		// A dry run to nowhere reads every table's data; pg_restore into the database would drop
		// the tables first and only notice a cut-off file halfway through the data.
		await runTool(config.tools.pgRestore, [`--file=${devNull}`, source], locale, (detail) =>
			m.backup_corrupt(
				{ reason: m.backup_corrupt_pg_unreadable({ detail }, { locale }), file: source },
				{ locale }
			)
		);
		await runTool(
			config.tools.pgRestore,
			[
				'--clean',
				'--if-exists',
				'--no-owner',
				'--no-privileges',
				// All or nothing: anything that still fails rolls back the drops too.
				'--single-transaction',
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
	const tar = readPgliteBackup(bytes, source, locale);
	const dataDir = resolve(config.database.dataDir);
	const release = acquireDataDirLock(dataDir);
	try {
		const occupied = existsSync(dataDir) && readdirSync(dataDir).length > 0;
		if (occupied && !options.force)
			throw new ValidationError(m.backup_target_not_empty({ dir: dataDir }, { locale }));
		// Restored beside the data directory and swapped in only once it opens, so a failure
		// leaves the old directory (or none) where it was. Ours alone: the lock covers it.
		const staging = `${dataDir}.restoring`;
		rmSync(staging, { recursive: true, force: true });
		mkdirSync(staging, { recursive: true });
		try {
			// The checked tar, not the gzip (see readPgliteBackup).
			const restored = await PGlite.create(staging, { loadDataDir: new Blob([tar]) });
			try {
				// Touch the catalog so a broken archive fails here, not at the next start.
				await restored.query('select 1');
			} finally {
				await restored.close();
			}
		} catch (err) {
			rmSync(staging, { recursive: true, force: true });
			throw damaged(
				source,
				m.backup_corrupt_cannot_open(
					{ detail: oneLine(err instanceof Error ? err.message : String(err), 200) },
					{ locale }
				),
				locale
			);
		}
		let movedAside: string | undefined;
		if (occupied) {
			movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
			renameSync(dataDir, movedAside);
		} else if (existsSync(dataDir)) {
			rmdirSync(dataDir); // empty: rmdir refuses anything else
		}
		renameSync(staging, dataDir);
		return { kind: 'pglite', movedAside };
	} finally {
		release();
	}
}
