/**
 * The one place that turns domain errors into HTTP: `error()` for page loads, `fail()` for form
 * actions, JSON bodies for the API. Unexpected errors are logged with an id and shown as a
 * safe message, never a stack trace.
 */
import { error, fail, json, type ActionFailure } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import {
	ConflictError,
	DomainError,
	ForbiddenError,
	NotFoundError,
	RateLimitedError,
	UnauthenticatedError,
	UnavailableError,
	ValidationError,
	type FieldIssue
} from '$lib/domain/errors';
import type { Locale } from '$lib/format';
import { badValueError, connectionLostError, lostConnectionIn } from './db/errors';
import { m } from './i18n';
import { logger } from './log';

export function statusOf(err: DomainError): number {
	if (err instanceof ValidationError) return 400;
	if (err instanceof UnauthenticatedError) return 401;
	if (err instanceof ForbiddenError) return 403;
	if (err instanceof NotFoundError) return 404;
	if (err instanceof ConflictError) return 409;
	if (err instanceof RateLimitedError) return 429;
	if (err instanceof UnavailableError) return 503;
	return 400;
}

/**
 * The domain error `err` is, or stands for: a lost database connection becomes
 * `UnavailableError` (its transaction was rolled back, so trying again is safe). Anything else
 * is unexpected.
 */
export function domainErrorOf(err: unknown, locale?: Locale): DomainError | undefined {
	if (err instanceof DomainError) return err;
	const lost = connectionLostError(err, locale);
	// The client's listener logs only a dropped socket; this also names the failed query.
	if (lost) {
		logger.warn('Request failed: database connection lost', {
			reason: lostConnectionIn(err)?.message,
			error: err
		});
		return lost;
	}
	const bad = badValueError(err, locale);
	if (bad) logger.warn('Request refused: a value the database cannot hold', { error: err });
	return bad;
}

function codeOf(err: DomainError): string {
	return err.name.replace(/Error$/, '').replace(/^./, (c) => c.toLowerCase());
}

/** What a failed form action returns: the message, the field issues and the submitted values. */
export interface FormFailure {
	message: string;
	issues: FieldIssue[];
	values: Record<string, string>;
	/** Fields sent more than once (checkbox groups), with every value. */
	lists: Record<string, string[]>;
	/** Which form on the page failed, when a page has several. */
	formId?: string;
}

/** Fields sent more than once (checkbox groups), to tick the same boxes again after a failure. */
export function formLists(form: FormData): Record<string, string[]> {
	const lists: Record<string, string[]> = {};
	for (const key of new Set(form.keys())) {
		const values = form.getAll(key).filter((v): v is string => typeof v === 'string');
		if (values.length > 1) lists[key] = values;
	}
	return lists;
}

/** Submitted text fields, minus secrets, to refill the form after a failure. */
export function formValues(
	form: FormData,
	secrets: string[] = ['password', 'current', 'confirm']
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !secrets.includes(key)) values[key] = value;
	}
	return values;
}

/**
 * A form's text fields as a plain object, for a service to validate. With `keys`, each `name` is
 * the field's first value ('' when it was not sent) and each `name[]` is all its values (a
 * checkbox group); without, every text field is there with its first value. Files are left out:
 * an action hands them on by themselves.
 */
export function formObject(form: FormData): Record<string, string>;
export function formObject<const K extends string>(
	form: FormData,
	keys: readonly K[]
): FormObject<K>;
export function formObject(
	form: FormData,
	keys?: readonly string[]
): Record<string, string | string[]> {
	const texts = (name: string) =>
		form.getAll(name).filter((value): value is string => typeof value === 'string');
	if (!keys) {
		const sent = [...new Set(form.keys())].filter((name) => texts(name).length > 0);
		return Object.fromEntries(sent.map((name) => [name, texts(name)[0] ?? '']));
	}
	return Object.fromEntries(
		keys.map((key) =>
			key.endsWith('[]') ? [key.slice(0, -2), texts(key.slice(0, -2))] : [key, texts(key)[0] ?? '']
		)
	);
}

/** What `formObject(form, keys)` holds: a string per `name`, a list per `name[]`. */
export type FormObject<K extends string> = {
	[P in K as P extends `${infer Name}[]` ? Name : P]: P extends `${string}[]` ? string[] : string;
};

/** A form action's service call, told apart by `ok`: what it returned, or the `fail()` to return. */
export type ActionResult<T> =
	{ ok: true; value: T } | { ok: false; failure: ActionFailure<FormFailure> };

/**
 * Runs a form action's service call; domain errors become `fail()` with the user's values and
 * field messages, anything else is rethrown for `handleError`.
 *
 * @example
 * const result = await tryAction(form, () => addGoal(ctx, id, formObject(form)), 'goal');
 * return result.ok ? { saved: 'goal' } : result.failure;
 */
export async function tryAction<T>(
	form: FormData,
	call: () => Promise<T>,
	formId?: string
): Promise<ActionResult<T>> {
	try {
		return { ok: true, value: await inSavepoint(call) };
	} catch (caught) {
		const err = domainErrorOf(caught);
		if (!err) throw caught;
		const failure = fail(statusOf(err), {
			message: err.message,
			issues: err instanceof ValidationError ? err.issues : [],
			values: formValues(form),
			lists: formLists(form),
			...(formId ? { formId } : {})
		});
		return { ok: false, failure };
	}
}

/**
 * Runs a form action's or endpoint's service call in a savepoint of the request's transaction
 * (`hooks.server.ts`): a statement refused by the database (a value it cannot hold) is answered
 * as bad input, and the request's transaction goes on as if the call had not been made. Outside
 * a request (unit tests) or outside a scope, the call runs as it is.
 */
export async function inSavepoint<T>(call: () => Promise<T>): Promise<T> {
	let ctx: App.Locals['ctx'] | undefined;
	try {
		ctx = getRequestEvent().locals.ctx;
	} catch {
		return call();
	}
	if (!ctx?.scoped) return call();
	// The call's statements run on the same connection, so they are inside the savepoint.
	return ctx.db.transaction(() => call());
}

/** Runs a page load's service call; domain errors become SvelteKit's `error()`. */
export async function runLoad<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (caught) {
		const err = domainErrorOf(caught);
		if (err) error(statusOf(err), { message: err.message });
		throw caught;
	}
}

export interface ApiErrorBody {
	error: { code: string; message: string; issues?: FieldIssue[]; errorId?: string };
}

export function apiError(
	status: number,
	code: string,
	message: string,
	extra: Partial<ApiErrorBody['error']> = {}
): Response {
	const headers: Record<string, string> = {};
	return json({ error: { code, message, ...extra } } satisfies ApiErrorBody, { status, headers });
}

/** Maps any error thrown by an API handler to a JSON response. */
export function apiErrorResponse(caught: unknown, locale: Locale): Response {
	const err = domainErrorOf(caught, locale);
	if (err) {
		const response = apiError(statusOf(err), codeOf(err), err.message, {
			issues: err instanceof ValidationError ? err.issues : undefined
		});
		if (err instanceof RateLimitedError)
			response.headers.set('retry-after', String(err.retryAfterSeconds));
		return response;
	}
	const errorId = crypto.randomUUID();
	logger.error('Unexpected API error', { errorId, error: caught });
	return apiError(500, 'internal', m.error_unexpected({}, { locale }), { errorId });
}
