import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import {
	meetingSlides,
	pdfAvailable,
	outcomeFromForm,
	questionsFromForm,
	addOutcome,
	getMeeting,
	markOutcome,
	proposeAgain,
	refreshSnapshot,
	removeMeeting,
	removeOutcome,
	saveQuestions
} from '$lib/server/services/meetings';

export const load: PageServerLoad = async ({ locals, params }) =>
	runLoad(async () => {
		const id = Number(params.id);
		const [detail, deck] = await Promise.all([
			getMeeting(locals.ctx, id),
			meetingSlides(locals.ctx, id)
		]);
		return {
			detail,
			outline: deck.slides.map((s) => ({ id: s.id, kind: s.kind, title: s.title })),
			pdf: pdfAvailable()
		};
	});

const outcomeId = (form: FormData) => Number(form.get('outcomeId') ?? '');

export const actions: Actions = {
	questions: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => saveQuestions(locals.ctx, Number(params.id), questionsFromForm(form, locals.ctx)),
			'questions'
		);
		return result.ok ? { saved: 'questions' } : result.failure;
	},
	propose: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => proposeAgain(locals.ctx, Number(params.id)),
			'questions'
		);
		return result.ok ? { saved: 'proposed', count: result.value } : result.failure;
	},
	outcome: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => addOutcome(locals.ctx, Number(params.id), outcomeFromForm(form)),
			'outcome'
		);
		return result.ok ? { saved: 'outcome' } : result.failure;
	},
	outcomeDone: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() =>
				markOutcome(locals.ctx, Number(params.id), outcomeId(form), form.get('done') === 'true'),
			'outcome'
		);
		return result.ok ? { saved: 'outcome' } : result.failure;
	},
	outcomeRemove: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeOutcome(locals.ctx, Number(params.id), outcomeId(form)),
			'outcome'
		);
		return result.ok ? { saved: 'outcome-removed' } : result.failure;
	},
	refresh: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => refreshSnapshot(locals.ctx, Number(params.id)),
			'snapshot'
		);
		return result.ok ? { saved: 'snapshot' } : result.failure;
	},
	remove: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeMeeting(locals.ctx, Number(params.id)),
			'remove'
		);
		if (!result.ok) return result.failure;
		redirect(303, '/praesentationer');
	}
};
