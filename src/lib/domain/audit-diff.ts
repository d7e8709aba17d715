/**
 * The fields that differ between an audit entry's before and after values, so the log shows
 * "members: 400 → 445" instead of two JSON blobs. Bookkeeping fields are left out.
 */
export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

const ignored = new Set(['updatedAt', 'updated_at', 'version']);

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function diffAuditValues(before: unknown, after: unknown): FieldChange[] {
	const b = isRecord(before) ? before : {};
	const a = isRecord(after) ? after : {};
	const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
		(field) => !ignored.has(field)
	);
	return fields
		.filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
		.map((field) => ({ field, before: b[field], after: a[field] }));
}
