/**
 * COPY into a table inside a Drizzle transaction, on both engines: the ORM has no COPY, and at
 * national scale (a million list rows) COPY is the only write that keeps up with reading the
 * file. Callers hand over rows as arrays of values, one per column; this file writes COPY's text
 * format and decides, per engine, when the rows reach the database (`copyRows`).
 */
import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Db, Tx } from './client';
import { asOwner, becomeOwner } from './scope';

export type CopyValue = string | number | boolean | null | undefined;
/** One row: a value for each of the target's columns, in their order. */
export type CopyRow = readonly CopyValue[];
/** Hands rows to the COPY; resolves when the sink can take more. */
export type WriteRows = (rows: readonly CopyRow[]) => Promise<void>;

/** Opens the import's one transaction: plain, or scoped to an organisation (`db/scope.ts`). */
export type Transact = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

export interface CopyTarget {
	table: string;
	columns: readonly string[];
}

/** The steps of one transaction that copies rows, around the reading that produces them. */
export interface CopySteps<Before, Read, Result> {
	/** In the transaction, before the first row (deletes, the parent row, a staging table). */
	before: (tx: Tx) => Promise<Before>;
	/** Produces the rows through `write`; a throw copies nothing and rolls everything back. */
	read: (write: WriteRows) => Promise<Read>;
	/** In the transaction, after the database has taken every row. */
	after: (tx: Tx, read: Read, before: Before) => Promise<Result>;
}

/**
 * Runs `before`, the rows of `read` and `after` as one transaction, all or nothing.
 *
 * On PostgreSQL the rows are streamed (pg-copy-streams) while `read` runs, so memory stays flat:
 * the import's connection is its own, and the file is read at the speed the server takes it.
 *
 * PGlite is one connection, and while a transaction is open every other request waits for it –
 * the upload page could not even ask how far the import has come. There `read` runs first with
 * the rows held as COPY text (about 40 bytes a row), and they are copied in once the
 * transaction opens.
 */
export async function copyRows<Before, Read, Result>(
	db: Db,
	target: CopyTarget,
	steps: CopySteps<Before, Read, Result>,
	transact: Transact = (work) => db.transaction(work)
): Promise<Result> {
	if (!streamsWhileReading(db)) {
		const held: string[] = [];
		const read = await steps.read((rows) => {
			held.push(copyText(target, rows));
			return Promise.resolve();
		});
		return transact(async (tx) => {
			const before = await steps.before(tx);
			await asOwner(tx, () => copyHeld(tx, target, held));
			return steps.after(tx, read, before);
		});
	}
	return transact(async (tx) => {
		const before = await steps.before(tx);
		// PostgreSQL refuses COPY FROM under row-level security; the rows name their organisation.
		const restoreRole = await becomeOwner(tx);
		const stream = streamInto(tx, target);
		let read: Read;
		try {
			read = await steps.read((rows) => stream.write(copyText(target, rows)));
			await stream.end();
		} catch (err) {
			await stream.abort();
			throw err;
		}
		await restoreRole();
		return steps.after(tx, read, before);
	});
}

/** Whether the database is a PostgreSQL server (a pool of connections) rather than PGlite. */
function streamsWhileReading(db: Db): boolean {
	return (db as unknown as { $client?: unknown }).$client instanceof pg.Pool;
}

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

const statementOf = ({ table, columns }: CopyTarget) => `copy ${table} (${columns.join(', ')})`;

/** Bytes of COPY text per statement on PGlite: a blob this size is built at a time. */
const PGLITE_BLOB_BYTES = 16 * 1024 * 1024;

/** Copies held COPY text into the table on PGlite, in blobs of a bounded size, then forgets it. */
async function copyHeld(tx: Tx, target: CopyTarget, held: string[]): Promise<void> {
	const client = connectionOf(tx) as PgliteTransaction | PGlite;
	const statement = `${statementOf(target)} from '/dev/blob'`;
	while (held.length) {
		let size = 0;
		let count = 0;
		while (count < held.length && size < PGLITE_BLOB_BYTES) size += held[count++]?.length ?? 0;
		const blob = new Blob(held.splice(0, count));
		await client.query(statement, [], { blob });
	}
}

interface CopyStream {
	write(text: string): Promise<void>;
	/** Waits until the server has taken every row. */
	end(): Promise<void>;
	/** Stops the COPY; the caller's transaction is then rolled back. */
	abort(): Promise<void>;
}

/** `COPY … FROM STDIN` on the transaction's connection, with the stream's back-pressure. */
function streamInto(tx: Tx, target: CopyTarget): CopyStream {
	const stream: Writable = (connectionOf(tx) as pg.PoolClient).query(
		copyFrom(`${statementOf(target)} from stdin`)
	);
	let failed: Error | null = null;
	stream.on('error', (err: Error) => (failed = err));
	// Rejects as soon as the stream fails (a refused row, a lost connection), so a write waiting
	// for room stops at once instead of waiting for a 'drain' that never comes.
	const finished = once(stream, 'finish');
	// An aborted COPY rejects `finished` with the server's "canceled"; that is the expected end.
	finished.catch(() => undefined);
	return {
		async write(text) {
			if (failed) throw failed;
			if (!stream.write(text)) await Promise.race([once(stream, 'drain'), finished]);
		},
		async end() {
			if (failed) throw failed;
			stream.end();
			await finished;
		},
		async abort() {
			// A COPY that failed has nothing left to stop, and on a dead connection a destroyed
			// stream would wait for the server forever.
			if (failed) return;
			// pg-copy-streams answers a destroyed stream with CopyFail; the error that follows
			// is the one the caller already has.
			stream.destroy(new Error('import stopped'));
			await once(stream, 'close').catch(() => undefined);
		}
	};
}

/**
 * Rows in COPY's text format: values separated by tabs, a line each. A row with another number
 * of values than the target has columns is a mistake in the caller, refused before the database
 * would refuse it with a message about COPY's data.
 */
export function copyText(target: CopyTarget, rows: readonly CopyRow[]): string {
	const width = target.columns.length;
	let text = '';
	for (const row of rows) {
		if (row.length !== width)
			throw new Error(`COPY into ${target.table}: a row of ${row.length} values, not ${width}`);
		for (let i = 0; i < width; i++) text += (i ? '\t' : '') + copyValue(row[i]);
		text += '\n';
	}
	return text;
}

/** A value in COPY's text format: backslash, tab and line breaks escaped, `\N` for null. */
export function copyValue(value: CopyValue): string {
	if (value === null || value === undefined) return '\\N';
	if (typeof value !== 'string') return String(value);
	return /[\\\t\n\r]/.test(value)
		? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
		: value;
}
