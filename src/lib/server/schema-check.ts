/**
 * Holds a value to a zod schema exactly: what the schema rejects, and the object keys it does not
 * declare, which parsing would drop without a word. Shared by the API answer check and the raw
 * query rows, both only on with `checkSchemas` (development, tests).
 */
import type { z } from 'zod';
import type { FieldIssue } from '$lib/domain/errors';

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function undeclaredKeys(
	value: unknown,
	kept: unknown,
	path: (string | number)[],
	found: FieldIssue[]
): void {
	if (Array.isArray(value) && Array.isArray(kept)) {
		value.forEach((item, index) => undeclaredKeys(item, kept[index], [...path, index], found));
	} else if (isRecord(value) && isRecord(kept)) {
		for (const [key, item] of Object.entries(value)) {
			if (key in kept) undeclaredKeys(item, kept[key], [...path, key], found);
			else found.push({ path: [...path, key], message: 'not declared in the schema' });
		}
	}
}

/** Every way `value` differs from `schema`; empty when it matches. */
export function schemaMismatches(schema: z.ZodType, value: unknown): FieldIssue[] {
	const parsed = schema.safeParse(value);
	if (!parsed.success) {
		return parsed.error.issues.map((issue) => ({
			path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
			message: issue.message
		}));
	}
	const found: FieldIssue[] = [];
	undeclaredKeys(value, parsed.data, [], found);
	return found;
}

/** Issues as one line for an error message: `a.b: message; c: message`. */
export function describeMismatches(issues: FieldIssue[]): string {
	return issues
		.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
		.join('; ');
}
