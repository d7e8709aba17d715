import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import {
	getClusterProfile,
	addOffice,
	clearStageOverride,
	deleteFigure,
	figureInputFromForm,
	removeOffice,
	saveFigure,
	setActivities,
	setStageOverride,
	updateCluster
} from '$lib/server/services/landscape';

export const load: PageServerLoad = async ({ locals, params }) => ({
	profile: await runLoad(() => getClusterProfile(locals.ctx, params.slug))
});

const id = (form: FormData) => Number(formObject(form, ['id']).id);

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => updateCluster(locals.ctx, params.slug, formObject(form)),
			'facts'
		);
		return result.ok ? { saved: 'facts' } : result.failure;
	},
	saveFigure: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => saveFigure(locals.ctx, params.slug, figureInputFromForm(form)),
			'figure'
		);
		return result.ok ? { saved: 'figure' } : result.failure;
	},
	deleteFigure: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => deleteFigure(locals.ctx, params.slug, id(form)),
			'figures'
		);
		return result.ok ? { saved: 'figureDeleted' } : result.failure;
	},
	addOffice: async ({ request, locals, params }) => {
		const form = await request.formData();
		const office = formObject(form, ['label', 'municipalityCode', 'isHq', 'fromYear']);
		const result = await tryAction(
			form,
			() => addOffice(locals.ctx, params.slug, { ...office, isHq: office.isHq === 'on' }),
			'office'
		);
		return result.ok ? { saved: 'office' } : result.failure;
	},
	removeOffice: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeOffice(locals.ctx, params.slug, id(form)),
			'office'
		);
		return result.ok ? { saved: 'officeRemoved' } : result.failure;
	},
	activities: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => setActivities(locals.ctx, params.slug, formObject(form, ['codes[]'])),
			'activities'
		);
		return result.ok ? { saved: 'activities' } : result.failure;
	},
	stage: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => setStageOverride(locals.ctx, params.slug, formObject(form, ['stage', 'reason'])),
			'stage'
		);
		return result.ok ? { saved: 'stage' } : result.failure;
	},
	clearStage: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => clearStageOverride(locals.ctx, params.slug),
			'stage'
		);
		return result.ok ? { saved: 'stageCleared' } : result.failure;
	}
};
