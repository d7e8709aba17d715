import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { UnavailableError, ValidationError } from '$lib/domain/errors';
import { badValueError, connectionLostError, isConnectionLost } from './errors';

/** An error as `pg` reports one from the server, with its SQLSTATE. */
function serverError(code: string, message = 'from the server'): pg.DatabaseError {
	const err = new pg.DatabaseError(message, 0, 'error');
	err.code = code;
	return err;
}

/** An error as Node reports one from a socket. */
function socketError(code: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`read ${code}`), { code, syscall: 'read' });
}

const wrapped = (cause: Error) => new DrizzleQueryError('rollback', [], cause);

describe('isConnectionLost', () => {
	it.each([
		['57P01 admin shutdown (pg_terminate_backend)', serverError('57P01')],
		['57P02 crash shutdown', serverError('57P02')],
		['57P03 cannot connect now', serverError('57P03')],
		['08006 connection failure', serverError('08006')],
		['08003 connection does not exist', serverError('08003')],
		['08P01 protocol violation', serverError('08P01')],
		['ECONNRESET', socketError('ECONNRESET')],
		['EPIPE', socketError('EPIPE')],
		['the socket ended', new Error('Connection terminated unexpectedly')],
		[
			'a client used after its connection failed',
			new Error('Client has encountered a connection error and is not queryable')
		],
		['57P01 inside a failed Drizzle query', wrapped(serverError('57P01'))],
		[
			'ECONNRESET two causes deep',
			wrapped(new Error('outer', { cause: socketError('ECONNRESET') }))
		]
	])('%s: lost', (_, err) => {
		expect(isConnectionLost(err)).toBe(true);
	});

	it.each([
		['57014 query canceled', serverError('57014')],
		['23505 unique violation', serverError('23505')],
		['a unique violation inside a failed Drizzle query', wrapped(serverError('23505'))],
		['the server not reachable at all', socketError('ECONNREFUSED')],
		['a client closed on purpose', new Error('Connection terminated')],
		['a domain error', new ValidationError('bad row')],
		['any other error', new Error('boom')],
		['a string naming a code', 'ECONNRESET'],
		['an object with a code', { code: '57P01' }],
		['nothing', undefined]
	])('%s: not lost', (_, err) => {
		expect(isConnectionLost(err)).toBe(false);
	});
});

describe('connectionLostError', () => {
	it.each([
		['da', 'Forbindelsen til databasen blev afbrudt. Intet blev gemt; prøv igen.'],
		['en', 'The connection to the database was lost. Nothing was saved; try again.']
	] as const)('says it in %s, as unavailable (503), keeping the cause', (locale, message) => {
		const cause = wrapped(serverError('57P01'));
		const err = connectionLostError(cause, locale);
		expect(err).toBeInstanceOf(UnavailableError);
		expect(err?.message).toBe(message);
		expect(err?.cause).toBe(cause);
	});

	it('leaves other errors alone', () => {
		expect(connectionLostError(serverError('23505'), 'da')).toBeUndefined();
	});
});

describe('badValueError', () => {
	it.each([
		['22P02 not an integer or UUID', serverError('22P02')],
		['22003 out of range', serverError('22003')],
		['22021 NUL byte', serverError('22021')],
		['22007 not a date', serverError('22007')],
		['wrapped by drizzle', wrapped(serverError('22P02'))]
	])('reads %s as bad input', (_name, err) => {
		expect(badValueError(err, 'da')).toBeInstanceOf(ValidationError);
		expect(badValueError(err, 'en')?.message).toContain('Nothing was saved');
	});

	it.each([
		['23505 unique violation', serverError('23505')],
		['57P01 admin shutdown', serverError('57P01')],
		['a plain error', new Error('boom')]
	])('leaves %s alone', (_name, err) => {
		expect(badValueError(err, 'da')).toBeUndefined();
	});
});
