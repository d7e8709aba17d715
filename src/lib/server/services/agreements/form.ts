/**
 * The agreement form's fields as the agreement schema expects them. The form sends checkbox
 * groups as repeated names, budget and contact rows as `budget.<row>.<field>`, checklist notes
 * as `checklist.<code>`, and Danish amounts ("250.000"). Blank rows are left out; anything else is
 * passed on as typed, so the schema reports it on its field.
 */
import { checklistCodes } from '$lib/domain/collaboration/catalogue';
import { parseLocaleNumber } from '$lib/domain/numbers';

const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();
const orNull = (value: string): string | null => (value === '' ? null : value);

function rows(form: FormData, prefix: string, fields: string[]): Record<string, string>[] {
	const indexes = new Set<number>();
	for (const key of form.keys()) {
		const match = new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(key);
		if (match) indexes.add(Number(match[1]));
	}
	return [...indexes]
		.sort((a, b) => a - b)
		.map((i) => Object.fromEntries(fields.map((f) => [f, text(form, `${prefix}.${i}.${f}`)])))
		.filter((row) => Object.values(row).some((v) => v !== ''));
}

/** A number typed the Danish way, or the text itself when it is not one (the schema says so). */
function amount(value: string): number | string {
	return parseLocaleNumber(value) ?? value;
}

export function agreementInputFromForm(form: FormData): Record<string, unknown> {
	return {
		version: text(form, 'version') || undefined,
		title: text(form, 'title'),
		cluster: text(form, 'cluster'),
		modelCode: orNull(text(form, 'modelCode')),
		parties: form.getAll('parties').map(String),
		efforts: form.getAll('efforts').map(String),
		municipalities: form.getAll('municipalities').map(String),
		startsOn: text(form, 'startsOn'),
		endsOn: text(form, 'endsOn'),
		status: text(form, 'status') || undefined,
		responsibleUserId: orNull(text(form, 'responsibleUserId')),
		notes: orNull(text(form, 'notes')),
		checklist: Object.fromEntries(
			checklistCodes
				.map((code) => [code, text(form, `checklist.${code}`)])
				.filter(([, note]) => note !== '')
		),
		contacts: rows(form, 'contacts', ['party', 'role']),
		budget: rows(form, 'budget', ['party', 'year', 'amountDkk', 'note']).map((row) => ({
			party: row.party,
			year: amount(row.year ?? ''),
			amountDkk: amount(row.amountDkk ?? ''),
			note: orNull(row.note ?? '')
		}))
	};
}
