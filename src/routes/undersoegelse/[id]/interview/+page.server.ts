import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import {
	addQuote,
	createInterview,
	getInterviewPage,
	removeInterview,
	removeQuote,
	setTags
} from '$lib/server/services/findings';

export const load: PageServerLoad = async ({ locals, params }) => ({
	page: await runLoad(() => getInterviewPage(locals.ctx, Number(params.id)))
});

const id = (form: FormData) => Number(formObject(form, ['id']).id);

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() =>
				createInterview(
					locals.ctx,
					Number(params.id),
					formObject(form, ['subject', 'heldOn', 'participantRoles', 'notes', 'tags[]'])
				),
			'interview'
		);
		return result.ok ? { saved: 'interview' } : result.failure;
	},
	remove: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeInterview(locals.ctx, Number(params.id), id(form)),
			'list'
		);
		return result.ok ? { saved: 'removed' } : result.failure;
	},
	quote: async ({ request, locals, params }) => {
		const form = await request.formData();
		const quote = formObject(form, ['interviewId', 'text', 'cluster', 'questionKey']);
		const result = await tryAction(
			form,
			() => addQuote(locals.ctx, Number(params.id), quote),
			`quote-${quote.interviewId}`
		);
		return result.ok ? { saved: 'quote' } : result.failure;
	},
	removeQuote: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeQuote(locals.ctx, Number(params.id), id(form)),
			'list'
		);
		return result.ok ? { saved: 'removed' } : result.failure;
	},
	tags: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => setTags(locals.ctx, Number(params.id), formObject(form, ['tags']).tags),
			'tags'
		);
		return result.ok ? { saved: 'tags' } : result.failure;
	}
};
