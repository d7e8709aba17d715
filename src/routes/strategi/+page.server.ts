import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import {
	getStrategyPage,
	removeEffort,
	removeHub,
	restoreVersion,
	saveEffort,
	saveHub,
	saveVision,
	saveWeights,
	strategyRegion
} from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, url }) => {
	const version = url.searchParams.get('version');
	return {
		page: await runLoad(async () =>
			getStrategyPage(
				locals.ctx,
				await strategyRegion(locals.ctx, url.searchParams.get('region')),
				version === null ? null : Number(version)
			)
		)
	};
};

const region = (url: URL) => url.searchParams.get('region') ?? '';

export const actions: Actions = {
	vision: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => saveVision(locals.ctx, region(url), formObject(form, ['baseVersion', 'vision'])),
			'vision'
		);
		return result.ok ? { saved: 'vision' } : result.failure;
	},
	effort: async ({ request, locals, url }) => {
		const form = await request.formData();
		const {
			'title.da': da,
			'title.en': en,
			...effort
		} = formObject(form, [
			'baseVersion',
			'original',
			'title.da',
			'title.en',
			'description',
			'areas[]',
			'activityCategories[]',
			'keywords'
		]);
		const formId = `effort-${effort.original || 'new'}`;
		const result = await tryAction(
			form,
			() => saveEffort(locals.ctx, region(url), { ...effort, title: { da, en } }),
			formId
		);
		return result.ok ? { saved: formId } : result.failure;
	},
	removeEffort: async ({ request, locals, url }) => {
		const form = await request.formData();
		const input = formObject(form, ['baseVersion', 'code']);
		const result = await tryAction(
			form,
			() => removeEffort(locals.ctx, region(url), input),
			`effort-${input.code}`
		);
		return result.ok ? { saved: 'removed' } : result.failure;
	},
	hub: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() =>
				saveHub(locals.ctx, region(url), formObject(form, ['baseVersion', 'actor', 'keywords'])),
			'hub'
		);
		return result.ok ? { saved: 'hub' } : result.failure;
	},
	removeHub: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => removeHub(locals.ctx, region(url), formObject(form, ['baseVersion', 'actor'])),
			'hub'
		);
		return result.ok ? { saved: 'hub' } : result.failure;
	},
	weights: async ({ request, locals, url }) => {
		const form = await request.formData();
		const { baseVersion, ...weights } = formObject(form);
		const result = await tryAction(
			form,
			() => saveWeights(locals.ctx, region(url), { ...weights, baseVersion }),
			'weights'
		);
		return result.ok ? { saved: 'weights' } : result.failure;
	},
	restore: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => restoreVersion(locals.ctx, region(url), formObject(form, ['baseVersion', 'version'])),
			'restore'
		);
		return result.ok ? { saved: 'restored' } : result.failure;
	}
};
