import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
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

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				createInterview(locals.ctx, Number(params.id), {
					subject: text(form, 'subject'),
					heldOn: text(form, 'heldOn'),
					participantRoles: text(form, 'participantRoles'),
					notes: text(form, 'notes'),
					tags: form.getAll('tags').map(String)
				}),
			'interview'
		);
		return 'id' in result ? { saved: 'interview' } : result;
	},
	remove: async ({ request, locals, params }) => {
		const form = await request.formData();
		return (
			(await runAction(
				form,
				() => removeInterview(locals.ctx, Number(params.id), Number(text(form, 'id'))),
				'list'
			)) ?? { saved: 'removed' }
		);
	},
	quote: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				addQuote(locals.ctx, Number(params.id), {
					interviewId: text(form, 'interviewId'),
					text: text(form, 'text'),
					cluster: text(form, 'cluster'),
					questionKey: text(form, 'questionKey')
				}),
			`quote-${text(form, 'interviewId')}`
		);
		return 'id' in result ? { saved: 'quote' } : result;
	},
	removeQuote: async ({ request, locals, params }) => {
		const form = await request.formData();
		return (
			(await runAction(
				form,
				() => removeQuote(locals.ctx, Number(params.id), Number(text(form, 'id'))),
				'list'
			)) ?? { saved: 'removed' }
		);
	},
	tags: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => setTags(locals.ctx, Number(params.id), text(form, 'tags')),
			'tags'
		);
		return Array.isArray(result) ? { saved: 'tags' } : result;
	}
};
