import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
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

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				updateCluster(
					locals.ctx,
					params.slug,
					Object.fromEntries([...form].map(([k, v]) => [k, String(v)]))
				),
			'facts'
		);
		return 'slug' in result ? { saved: 'facts' } : result;
	},
	saveFigure: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => saveFigure(locals.ctx, params.slug, figureInputFromForm(form)),
			'figure'
		);
		return 'metric' in result ? { saved: 'figure' } : result;
	},
	deleteFigure: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => deleteFigure(locals.ctx, params.slug, Number(text(form, 'id'))),
			'figures'
		);
		return result ?? { saved: 'figureDeleted' };
	},
	addOffice: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				addOffice(locals.ctx, params.slug, {
					label: text(form, 'label'),
					municipalityCode: text(form, 'municipalityCode'),
					isHq: form.get('isHq') === 'on',
					fromYear: text(form, 'fromYear')
				}),
			'office'
		);
		return 'label' in result ? { saved: 'office' } : result;
	},
	removeOffice: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => removeOffice(locals.ctx, params.slug, Number(text(form, 'id'))),
			'office'
		);
		return result ?? { saved: 'officeRemoved' };
	},
	activities: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => setActivities(locals.ctx, params.slug, { codes: form.getAll('codes').map(String) }),
			'activities'
		);
		return Array.isArray(result) ? { saved: 'activities' } : result;
	},
	stage: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				setStageOverride(locals.ctx, params.slug, {
					stage: text(form, 'stage'),
					reason: text(form, 'reason')
				}),
			'stage'
		);
		return result ?? { saved: 'stage' };
	},
	clearStage: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() => clearStageOverride(locals.ctx, params.slug),
			'stage'
		);
		return result ?? { saved: 'stageCleared' };
	}
};
