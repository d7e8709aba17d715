import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import {
	removeDocument,
	uploadDocument,
	addGoal,
	addKpi,
	recordMeasurement,
	removeGoal,
	removeKpi,
	removeMeasurement,
	getAgreement,
	removeAgreement,
	saveReview
} from '$lib/server/services/agreements';

export const load: PageServerLoad = async ({ locals, params }) => ({
	detail: await runLoad(() => getAgreement(locals.ctx, Number(params.id)))
});

const num = (form: FormData, name: string) => Number(form.get(name) ?? '');

export const actions: Actions = {
	goal: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => addGoal(locals.ctx, Number(params.id), formObject(form)),
			'goal'
		);
		return result.ok ? { saved: 'goal' } : result.failure;
	},
	removeGoal: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeGoal(locals.ctx, Number(params.id), num(form, 'goalId')),
			'goal'
		);
		return result.ok ? { saved: 'goal-removed' } : result.failure;
	},
	kpi: async ({ request, locals, params }) => {
		const form = await request.formData();
		const goalId = num(form, 'goalId');
		const result = await tryAction(
			form,
			() => addKpi(locals.ctx, Number(params.id), goalId, formObject(form)),
			`kpi-${goalId}`
		);
		return result.ok ? { saved: `kpi-${goalId}` } : result.failure;
	},
	removeKpi: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeKpi(locals.ctx, Number(params.id), num(form, 'kpiId')),
			'goal'
		);
		return result.ok ? { saved: 'kpi-removed' } : result.failure;
	},
	measure: async ({ request, locals, params }) => {
		const form = await request.formData();
		const kpiId = num(form, 'kpiId');
		const result = await tryAction(
			form,
			() => recordMeasurement(locals.ctx, kpiId, formObject(form), Number(params.id)),
			`measure-${kpiId}`
		);
		return result.ok ? { saved: `measure-${kpiId}` } : result.failure;
	},
	removeMeasurement: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() =>
				removeMeasurement(
					locals.ctx,
					Number(params.id),
					num(form, 'kpiId'),
					num(form, 'measurementId')
				),
			'goal'
		);
		return result.ok ? { saved: 'measurement-removed' } : result.failure;
	},
	upload: async ({ request, locals, params }) => {
		const form = await request.formData();
		const file = form.get('file');
		const result = await tryAction(
			form,
			async () =>
				uploadDocument(locals.ctx, Number(params.id), {
					name: file instanceof File ? file.name : '',
					bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array()
				}),
			'upload'
		);
		return result.ok ? { saved: 'upload' } : result.failure;
	},
	removeDocument: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeDocument(locals.ctx, Number(params.id), num(form, 'documentId')),
			'upload'
		);
		return result.ok ? { saved: 'document-removed' } : result.failure;
	},
	review: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => saveReview(locals.ctx, Number(params.id), formObject(form)),
			'review'
		);
		return result.ok ? { saved: 'review' } : result.failure;
	},
	delete: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeAgreement(locals.ctx, Number(params.id)),
			'delete'
		);
		if (result.ok) redirect(303, '/aftaler');
		return result.failure;
	}
};
