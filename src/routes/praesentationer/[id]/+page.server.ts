import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
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
		const result = await runAction(
			form,
			() => saveQuestions(locals.ctx, Number(params.id), questionsFromForm(form, locals.ctx)),
			'questions'
		);
		return result ?? { saved: 'questions' };
	},
	propose: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => proposeAgain(locals.ctx, Number(params.id)),
			'questions'
		);
		return typeof result === 'number' ? { saved: 'proposed', count: result } : result;
	},
	outcome: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => addOutcome(locals.ctx, Number(params.id), outcomeFromForm(form)),
			'outcome'
		);
		return 'id' in result ? { saved: 'outcome' } : result;
	},
	outcomeDone: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				markOutcome(locals.ctx, Number(params.id), outcomeId(form), form.get('done') === 'true'),
			'outcome'
		);
		return result ?? { saved: 'outcome' };
	},
	outcomeRemove: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => removeOutcome(locals.ctx, Number(params.id), outcomeId(form)),
			'outcome'
		);
		return result ?? { saved: 'outcome-removed' };
	},
	refresh: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => refreshSnapshot(locals.ctx, Number(params.id)),
			'snapshot'
		);
		return result ?? { saved: 'snapshot' };
	},
	remove: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => removeMeeting(locals.ctx, Number(params.id)),
			'remove'
		);
		if (result) return result;
		redirect(303, '/praesentationer');
	}
};
