/**
 * Form fields → meeting input. The agenda is a text area with one item per line; an item's
 * error is reported on the field with its line number. Dialogue questions are fields named
 * `questions.0`, `questions.1`, …, so each error lands on its own field.
 */
import { ValidationError } from '$lib/domain/errors';
import { m } from '../../i18n';
import type { Ctx } from '../context';

const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();

const lines = (value: string): string[] =>
	value
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);

const optionalId = (value: string): number | null => (value === '' ? null : Number(value));

export function meetingInputFromForm(form: FormData): Record<string, unknown> {
	return {
		title: text(form, 'title'),
		audience: text(form, 'audience'),
		heldOn: text(form, 'heldOn'),
		locale: text(form, 'locale') || 'da',
		roundId: optionalId(text(form, 'roundId')),
		purpose: text(form, 'purpose'),
		agenda: lines(text(form, 'agenda'))
	};
}

export function meetingEditFromForm(form: FormData): Record<string, unknown> {
	const { locale: _locale, roundId: _round, ...rest } = meetingInputFromForm(form);
	return { ...rest, version: Number(text(form, 'version')) };
}

/**
 * The questions in the order of their fields, empty ones left out. The form always sends at least
 * one field (the empty one for a new question), so a post without any is not this form — it
 * would otherwise read as "delete every question" — and is refused.
 */
export function questionsFromForm(
	form: FormData,
	ctx: Pick<Ctx, 'locale'>
): { questions: string[] } {
	const fields = [...form.keys()]
		.filter((k) => /^questions\.\d+$/.test(k))
		.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
	if (fields.length === 0) {
		const message = m.meeting_questions_missing({}, { locale: ctx.locale });
		throw new ValidationError(message, [{ path: ['questions.0'], message }]);
	}
	return { questions: fields.map((k) => text(form, k)).filter(Boolean) };
}

export function outcomeFromForm(form: FormData): Record<string, unknown> {
	return {
		kind: text(form, 'kind'),
		text: text(form, 'text'),
		responsibleUserId: text(form, 'responsibleUserId') || null,
		dueOn: text(form, 'dueOn') || null,
		agreementId: optionalId(text(form, 'agreementId'))
	};
}

/** Runs a save and moves agenda-line errors onto the agenda field, naming the line. */
export async function agendaOnField<T>(
	ctx: Pick<Ctx, 'locale'>,
	call: () => Promise<T>
): Promise<T> {
	try {
		return await call();
	} catch (err) {
		if (!(err instanceof ValidationError)) throw err;
		throw new ValidationError(
			err.message,
			err.issues.map((issue) =>
				issue.path[0] === 'agenda' && typeof issue.path[1] === 'number'
					? {
							path: ['agenda'],
							message: m.meeting_agenda_line(
								{ line: issue.path[1] + 1, message: issue.message },
								{ locale: ctx.locale }
							)
						}
					: issue
			)
		);
	}
}
