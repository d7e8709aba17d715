/**
 * A lost connection to PostgreSQL, told apart from other failures: the request failed because
 * the server or the network went away, its transaction was rolled back, and trying again is
 * the right answer. `server/http.ts` and the CLI ask here, so both say it the same way.
 */
import { UnavailableError, ValidationError } from '$lib/domain/errors';
import type { Locale } from '$lib/format';
import { m } from '../i18n';

/**
 * SQLSTATE class 08 (connection exception) and the shutdown codes of class 57: 57P01 admin
 * shutdown (pg_terminate_backend, a fast shutdown), 57P02 crash shutdown, 57P03 cannot connect
 * now (the server is starting or stopping).
 */
const LOST_STATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
/** What Node's socket says when the other side is gone. */
const LOST_SOCKET = new Set(['ECONNRESET', 'EPIPE']);
/** What `pg` says of a connection that ended under it, and of its client afterwards. */
const LOST_MESSAGES = new Set([
	'Connection terminated unexpectedly',
	'Client has encountered a connection error and is not queryable'
]);

/**
 * The error in `err`'s chain that says the database connection was lost, if one does. Drizzle
 * wraps the driver's error as `cause` (and after a lost connection it throws the failed
 * `rollback`, not the statement that failed first).
 */
export function lostConnectionIn(err: unknown): Error | undefined {
	for (let at = err, depth = 0; at instanceof Error && depth < 5; depth += 1) {
		const code = (at as { code?: unknown }).code;
		if (typeof code === 'string' && (LOST_STATE.test(code) || LOST_SOCKET.has(code))) return at;
		if (LOST_MESSAGES.has(at.message)) return at;
		at = at.cause;
	}
	return undefined;
}

export function isConnectionLost(err: unknown): boolean {
	return lostConnectionIn(err) !== undefined;
}

/**
 * The domain error for a lost connection (503 over HTTP), or undefined for any other error.
 * Without a locale the message is in the request's language.
 */
export function connectionLostError(err: unknown, locale?: Locale): UnavailableError | undefined {
	if (!isConnectionLost(err)) return undefined;
	return new UnavailableError(m.error_db_connection_lost({}, { locale }), { cause: err });
}

/**
 * SQLSTATEs of a value the column cannot hold: 22P02 not a number or UUID, 22003 out of range,
 * 22021 a NUL byte in text, 22007/22008 not a date. The app's own values always fit, so such
 * an error comes from input that slipped past a check (a form field read as `Number(...)`).
 * It is answered as bad input (400), not as a fault of the server.
 */
const BAD_VALUE_STATE = new Set(['22P02', '22003', '22021', '22007', '22008']);

export function badValueError(err: unknown, locale?: Locale): ValidationError | undefined {
	for (let at = err, depth = 0; at instanceof Error && depth < 5; depth += 1) {
		const code = (at as { code?: unknown }).code;
		if (typeof code === 'string' && BAD_VALUE_STATE.has(code))
			return new ValidationError(m.error_bad_value({}, { locale }));
		at = at.cause;
	}
	return undefined;
}
