import type { Actions, PageServerLoad } from './$types';
import { runAction, runLoad } from '$lib/server/http';
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

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const region = (url: URL) => url.searchParams.get('region') ?? '';

export const actions: Actions = {
	vision: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				saveVision(locals.ctx, region(url), {
					baseVersion: text(form, 'baseVersion'),
					vision: text(form, 'vision')
				}),
			'vision'
		);
		return 'version' in result ? { saved: 'vision' } : result;
	},
	effort: async ({ request, locals, url }) => {
		const form = await request.formData();
		const original = text(form, 'original');
		const result = await runAction(
			form,
			() =>
				saveEffort(locals.ctx, region(url), {
					baseVersion: text(form, 'baseVersion'),
					original,
					title: { da: text(form, 'title.da'), en: text(form, 'title.en') },
					description: text(form, 'description'),
					areas: form.getAll('areas').map(String),
					activityCategories: form.getAll('activityCategories').map(String),
					keywords: text(form, 'keywords')
				}),
			`effort-${original || 'new'}`
		);
		return 'version' in result ? { saved: `effort-${original || 'new'}` } : result;
	},
	removeEffort: async ({ request, locals, url }) => {
		const form = await request.formData();
		const code = text(form, 'code');
		const result = await runAction(
			form,
			() => removeEffort(locals.ctx, region(url), { baseVersion: text(form, 'baseVersion'), code }),
			`effort-${code}`
		);
		return 'version' in result ? { saved: 'removed' } : result;
	},
	hub: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				saveHub(locals.ctx, region(url), {
					baseVersion: text(form, 'baseVersion'),
					actor: text(form, 'actor'),
					keywords: text(form, 'keywords')
				}),
			'hub'
		);
		return 'version' in result ? { saved: 'hub' } : result;
	},
	removeHub: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				removeHub(locals.ctx, region(url), {
					baseVersion: text(form, 'baseVersion'),
					actor: text(form, 'actor')
				}),
			'hub'
		);
		return 'version' in result ? { saved: 'hub' } : result;
	},
	weights: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				saveWeights(
					locals.ctx,
					region(url),
					Object.fromEntries([...form].map(([k, v]) => [k, String(v)])) as Record<
						string,
						string
					> & { baseVersion: string }
				),
			'weights'
		);
		return 'version' in result ? { saved: 'weights' } : result;
	},
	restore: async ({ request, locals, url }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				restoreVersion(locals.ctx, region(url), {
					baseVersion: text(form, 'baseVersion'),
					version: text(form, 'version')
				}),
			'restore'
		);
		return 'version' in result ? { saved: 'restored' } : result;
	}
};
