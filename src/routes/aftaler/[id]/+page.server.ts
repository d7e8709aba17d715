import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
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

const fields = (form: FormData) =>
	Object.fromEntries(
		[...form].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)])
	);
const num = (form: FormData, name: string) => Number(form.get(name) ?? '');

export const actions: Actions = {
	goal: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => addGoal(locals.ctx, Number(params.id), fields(form)),
			'goal'
		);
		return 'id' in result ? { saved: 'goal' } : result;
	},
	removeGoal: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => removeGoal(locals.ctx, Number(params.id), num(form, 'goalId')),
			'goal'
		);
		return result ?? { saved: 'goal-removed' };
	},
	kpi: async ({ request, locals, params }) => {
		const form = await request.formData();
		const goalId = num(form, 'goalId');
		const result = await runAction(
			form,
			() => addKpi(locals.ctx, Number(params.id), goalId, fields(form)),
			`kpi-${goalId}`
		);
		return 'id' in result ? { saved: `kpi-${goalId}` } : result;
	},
	removeKpi: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => removeKpi(locals.ctx, Number(params.id), num(form, 'kpiId')),
			'goal'
		);
		return result ?? { saved: 'kpi-removed' };
	},
	measure: async ({ request, locals, params }) => {
		const form = await request.formData();
		const kpiId = num(form, 'kpiId');
		const result = await runAction(
			form,
			() => recordMeasurement(locals.ctx, kpiId, fields(form), Number(params.id)),
			`measure-${kpiId}`
		);
		return 'id' in result ? { saved: `measure-${kpiId}` } : result;
	},
	removeMeasurement: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
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
		return result ?? { saved: 'measurement-removed' };
	},
	upload: async ({ request, locals, params }) => {
		const form = await request.formData();
		const file = form.get('file');
		const result = await runAction(
			form,
			async () =>
				uploadDocument(locals.ctx, Number(params.id), {
					name: file instanceof File ? file.name : '',
					bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array()
				}),
			'upload'
		);
		return 'id' in result ? { saved: 'upload' } : result;
	},
	removeDocument: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => removeDocument(locals.ctx, Number(params.id), num(form, 'documentId')),
			'upload'
		);
		return result ?? { saved: 'document-removed' };
	},
	review: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => saveReview(locals.ctx, Number(params.id), fields(form)),
			'review'
		);
		return 'id' in result ? { saved: 'review' } : result;
	},
	delete: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => removeAgreement(locals.ctx, Number(params.id)),
			'delete'
		);
		if (result === undefined) redirect(303, '/aftaler');
		return result;
	}
};
