/**
 * Typed domain errors. They carry no HTTP status: `server/http.ts` maps them for routes and the
 * API, and the CLI maps them to exit codes. Messages are already in the caller's language.
 */

export interface FieldIssue {
	/** Path to the offending field, e.g. `['responses', 3, 'members', 'total']`. */
	path: (string | number)[];
	message: string;
}

export class DomainError extends Error {
	override name = 'DomainError';
}

export class NotFoundError extends DomainError {
	override name = 'NotFoundError';
}

export class ValidationError extends DomainError {
	override name = 'ValidationError';
	constructor(
		message: string,
		readonly issues: FieldIssue[] = []
	) {
		super(message);
	}
}

/** The request conflicts with current state, e.g. a stale version or a duplicate. */
export class ConflictError extends DomainError {
	override name = 'ConflictError';
}

/** A tool the request needs is not installed here (e.g. LibreOffice for PDF). */
export class UnavailableError extends DomainError {
	override name = 'UnavailableError';
}

export class ForbiddenError extends DomainError {
	override name = 'ForbiddenError';
}

/** The caller is not signed in (or the token is unknown, revoked or expired). */
export class UnauthenticatedError extends DomainError {
	override name = 'UnauthenticatedError';
}

/** Too many attempts; `retryAfterSeconds` tells when to try again. */
export class RateLimitedError extends DomainError {
	override name = 'RateLimitedError';
	constructor(
		message: string,
		readonly retryAfterSeconds: number
	) {
		super(message);
	}
}
