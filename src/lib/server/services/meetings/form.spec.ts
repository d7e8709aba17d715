import { describe, expect, it } from 'vitest';
import { ValidationError } from '$lib/domain/errors';
import { questionsFromForm } from './form';

const formOf = (entries: [string, string][]) => {
	const form = new FormData();
	for (const [key, value] of entries) form.append(key, value);
	return form;
};

describe('questionsFromForm', () => {
	it('refuses a post without the list, which would otherwise delete every question', () => {
		for (const entries of [[], [['other', 'x']]] as [string, string][][]) {
			expect(() => questionsFromForm(formOf(entries), { locale: 'da' })).toThrow(ValidationError);
		}
		expect(() => questionsFromForm(formOf([]), { locale: 'en' })).toThrow(
			/did not arrive; nothing was changed/
		);
	});

	it.each([
		[[['questions.0', '']], []],
		[
			[
				['questions.1', ' Hvad nu? '],
				['questions.0', 'Hvem betaler?'],
				['questions.2', '']
			],
			['Hvem betaler?', 'Hvad nu?']
		]
	] as [string, string][][][])('reads %j in field order, blanks left out', (entries, expected) => {
		expect(questionsFromForm(formOf(entries as [string, string][]), { locale: 'da' })).toEqual({
			questions: expected
		});
	});
});
