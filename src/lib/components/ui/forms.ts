import type { FieldIssue } from '$lib/domain/errors';

/** The shape form actions fail with (see `server/http.ts` → `tryAction`). */
export interface FormFailureData {
	message?: string;
	issues?: FieldIssue[];
	values?: Record<string, string>;
	lists?: Record<string, string[]>;
}

/** The first message for a field, matched on the field's dotted path. */
export function issueFor(
	form: FormFailureData | null | undefined,
	field: string
): string | undefined {
	return form?.issues?.find((issue) => issue.path.join('.') === field)?.message;
}

/**
 * The id a field's input gets, so the error summary can link to it. `scope` keeps ids unique when
 * a page repeats a form (one per effort, one per cluster).
 */
export function fieldId(name: string, scope?: string): string {
	return `field-${scope ? `${scope}-` : ''}${name.replace(/[^\w-]/g, '-')}`;
}

/** The failure of one form on a page with several (see `tryAction(…, formId)`). */
export function failureFor(form: unknown, formId: string): FormFailureData | null {
	if (typeof form !== 'object' || form === null || !('message' in form)) return null;
	const failure = form as FormFailureData & { formId?: string };
	return failure.formId === formId ? failure : null;
}

/** What a successful action on a page with several forms reported, e.g. `{ saved: 'figure' }`. */
export function savedOf(form: unknown): string | null {
	if (typeof form !== 'object' || form === null || !('saved' in form)) return null;
	return String((form as { saved: unknown }).saved);
}

/** The values a checkbox group shows: what was sent with a failed form, else what is stored. */
export function checkedValues(
	form: FormFailureData | null | undefined,
	name: string,
	stored: string[]
): string[] {
	if (!form?.values) return stored;
	return form.lists?.[name] ?? (form.values[name] !== undefined ? [form.values[name]] : []);
}
