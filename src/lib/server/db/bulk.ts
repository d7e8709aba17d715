/**
 * COPY into a table inside a Drizzle transaction, on both engines: the ORM has no COPY, and at
 * national scale (a million list rows) COPY is the only write that keeps up with reading the
 * file. The rows arrive as chunks of COPY text (tab-separated, `\N` for null) while the file is
 * still being parsed, so memory stays flat on PostgreSQL; PGlite takes a COPY from a blob, so
 * its chunks are gathered into blobs of a bounded size and copied one after another.
 */
import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Db, Tx } from './client';

/** Where COPY text is written; `end()` waits until the database has taken every row. */
export interface CopySink {
	write(chunk: string): Promise<void>;
	end(): Promise<void>;
	/** Stops the COPY; the caller's transaction is then rolled back. */
	abort(): Promise<void>;
}

/** Bytes of COPY text per statement on PGlite: a blob this size is held in memory at a time. */
const PGLITE_BLOB_BYTES = 16 * 1024 * 1024;

/**
 * The connection under a Drizzle transaction. Drizzle keeps it on the transaction's session
 * (a pooled `pg` client, or PGlite's transaction object); COPY must run on that connection to
 * be part of the same transaction.
 */
function connectionOf(tx: Tx): pg.PoolClient | PgliteTransaction | PGlite {
	const session = (tx as unknown as { session?: { client?: unknown } }).session;
	if (!session?.client) throw new Error('COPY needs a transaction of the database client');
	return session.client as pg.PoolClient | PgliteTransaction | PGlite;
}

function isPgClient(client: unknown): client is pg.PoolClient {
	return typeof (client as pg.PoolClient).release === 'function';
}

/** Opens `COPY <table> (<columns>) FROM STDIN` (text format) in the transaction. */
export function copyInto(tx: Tx, table: string, columns: readonly string[]): CopySink {
	const client = connectionOf(tx);
	const statement = `copy ${table} (${columns.join(', ')}) from stdin`;
	if (isPgClient(client)) return pgSink(client.query(copyFrom(statement)));
	return pgliteSink(client, `copy ${table} (${columns.join(', ')}) from '/dev/blob'`);
}

function pgSink(stream: Writable): CopySink {
	let failed: Error | null = null;
	stream.on('error', (err: Error) => (failed = err));
	const finished = once(stream, 'finish');
	// An aborted COPY rejects `finished` with the server's "canceled"; that is the expected end.
	finished.catch(() => undefined);
	return {
		async write(chunk) {
			if (failed) throw failed;
			if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), finished]);
		},
		async end() {
			if (failed) throw failed;
			stream.end();
			await finished;
		},
		async abort() {
			// A COPY that failed (a refused row, a lost connection) has nothing left to stop, and
			// on a dead connection a destroyed stream would wait for the server forever.
			if (failed) return;
			// pg-copy-streams answers a destroyed stream with CopyFail; the error that follows
			// is the one the caller already has.
			stream.destroy(new Error('import stopped'));
			await once(stream, 'close').catch(() => undefined);
		}
	};
}

function pgliteSink(client: PgliteTransaction | PGlite, statement: string): CopySink {
	let parts: string[] = [];
	let size = 0;
	const flush = async () => {
		if (size === 0) return;
		const blob = new Blob(parts);
		parts = [];
		size = 0;
		await client.query(statement, [], { blob });
	};
	return {
		async write(chunk) {
			parts.push(chunk);
			size += chunk.length;
			if (size >= PGLITE_BLOB_BYTES) await flush();
		},
		end: flush,
		abort() {
			parts = [];
			size = 0;
			return Promise.resolve();
		}
	};
}

/**
 * Whether COPY can run while the file is still being read. On a server it can: the import's
 * connection is its own. PGlite is one connection, and while an import's transaction is open
 * every other request waits for it – the upload page could not even ask how far the import has
 * come – so there the rows are held (as COPY text, about 40 bytes a row) while the file is read
 * and copied in once the transaction opens.
 */
export function copiesWhileReading(db: Db): boolean {
	return (db as unknown as { $client?: unknown }).$client instanceof pg.Pool;
}

/** COPY text held until the transaction is open (see `copiesWhileReading`). */
export class HeldCopy {
	private parts: string[] = [];

	write(chunk: string): Promise<void> {
		this.parts.push(chunk);
		return Promise.resolve();
	}

	/** Copies the held rows into `table` in the transaction, then forgets them. */
	async copyInto(tx: Tx, table: string, columns: readonly string[]): Promise<void> {
		const sink = copyInto(tx, table, columns);
		for (const part of this.parts.splice(0)) await sink.write(part);
		await sink.end();
	}
}

/** A value in COPY's text format: backslash, tab and line breaks escaped, `\N` for null. */
export function copyValue(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '\\N';
	if (typeof value !== 'string') return String(value);
	return /[\\\t\n\r]/.test(value)
		? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
		: value;
}
