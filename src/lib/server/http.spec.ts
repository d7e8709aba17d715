import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '$lib/domain/errors';
import { formObject, tryAction } from './http';

function formOf(entries: [string, string | File][]): FormData {
	const form = new FormData();
	for (const [name, value] of entries) form.append(name, value);
	return form;
}

const failing = (err: Error) => () => Promise.reject(err);

const signUp = () =>
	formOf([
		['email', 'ada@example.dk'],
		['password', 'hemmelig'],
		['clusters', 'food'],
		['clusters', 'water']
	]);

describe('tryAction', () => {
	it('hands back what the call returned', async () => {
		const result = await tryAction(signUp(), () => Promise.resolve({ id: 7 }));
		expect(result).toEqual({ ok: true, value: { id: 7 } });
	});

	it('turns a validation error into a 400 with its issues and the values sent', async () => {
		const issues = [{ path: ['email'], message: 'Allerede i brug' }];
		const result = await tryAction(
			signUp(),
			failing(new ValidationError('Ret felterne', issues)),
			'create'
		);
		if (result.ok) throw new Error('expected a failure');
		expect(result.failure.status).toBe(400);
		expect(result.failure.data).toEqual({
			message: 'Ret felterne',
			issues,
			values: { email: 'ada@example.dk', clusters: 'water' },
			lists: { clusters: ['food', 'water'] },
			formId: 'create'
		});
	});

	it.each([
		[new NotFoundError('Findes ikke'), 404],
		[new ForbiddenError('Ikke tilladt'), 403]
	])('answers %s with %i and no field issues', async (err, status) => {
		const result = await tryAction(signUp(), failing(err));
		if (result.ok) throw new Error('expected a failure');
		expect(result.failure.status).toBe(status);
		expect(result.failure.data.message).toBe(err.message);
		expect(result.failure.data.issues).toEqual([]);
		expect(result.failure.data).not.toHaveProperty('formId');
	});

	it('rethrows an error that is not the domain’s', async () => {
		const bug = new TypeError('undefined is not a function');
		await expect(tryAction(signUp(), failing(bug))).rejects.toBe(bug);
	});
});

describe('formObject', () => {
	const upload = () =>
		formOf([
			['title', 'Plan'],
			['title', 'Second'],
			['tags', 'a'],
			['tags', 'b'],
			['note', ''],
			['file', new File(['x'], 'plan.pdf')],
			['file', 'not a file']
		]);

	it('reads each named field once and each `name[]` as every value sent', () => {
		expect(formObject(upload(), ['title', 'tags[]', 'note', 'missing', 'none[]'])).toEqual({
			title: 'Plan',
			tags: ['a', 'b'],
			note: '',
			missing: '',
			none: []
		});
	});

	it('leaves files out', () => {
		expect(formObject(upload(), ['file'])).toEqual({ file: 'not a file' });
		expect(formObject(upload(), ['file[]'])).toEqual({ file: ['not a file'] });
		expect(formObject(formOf([['file', new File(['x'], 'plan.pdf')]]), ['file'])).toEqual({
			file: ''
		});
	});

	it('without keys, holds every text field with its first value', () => {
		expect(formObject(upload())).toEqual({
			title: 'Plan',
			tags: 'a',
			note: '',
			file: 'not a file'
		});
		expect(formObject(formOf([['file', new File(['x'], 'plan.pdf')]]))).toEqual({});
	});
});
