/**
 * Holds an endpoint's answer to its declared `response` schema, the one the OpenAPI document
 * publishes. Only on with `checkSchemas` (development, tests): a mismatch is a bug in the spec or
 * in the handler, and the test that met it should fail with the field named.
 */
import type { z } from 'zod';
import type { FieldIssue } from '$lib/domain/errors';
import { schemaMismatches } from '../schema-check';

/**
 * Names, on an answer that passed the check, the operation it was checked against: the e2e tests
 * count these to show every endpoint was held to its schema at least once.
 */
export const CHECKED_HEADER = 'x-klyngeradar-schema-checked';

/**
 * What is wrong with `result` as an answer of `schema`, read as the client reads it (after JSON,
 * so dates are strings and `undefined` fields are gone); empty when it matches. Undeclared keys
 * count: the document says `additionalProperties: false` for every plain object, so a client
 * generated from it may reject them, and an undeclared field is what leaks unnoticed.
 */
export function responseMismatches(schema: z.ZodType, result: unknown): FieldIssue[] {
	const sent: unknown = JSON.parse(JSON.stringify(result) ?? 'null');
	return schemaMismatches(schema, sent);
}
