import type { Actions, PageServerLoad } from './$types';
import { importFields } from '$lib/domain/companies/headers';
import { isOverPageLimit, uploadLimits, uploadTooLarge } from '$lib/server/body-limits';
import { runAction, runLoad } from '$lib/server/http';
import {
	importCompanyFile,
	getCompanyPage,
	decideReviewRow,
	withUploadProgress
} from '$lib/server/services/companies';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, url }) =>
	runLoad(async () => {
		const region = await strategyRegion(locals.ctx, url.searchParams.get('region'));
		const year = Number(url.searchParams.get('aar')) || null;
		return {
			region,
			year,
			uploadLimits: uploadLimits(locals.ctx.locale),
			...(await getCompanyPage(locals.ctx, region, year))
		};
	});

export const actions: Actions = {
	upload: async ({ request, locals }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch (err) {
			// Over the pages' limit: reading stopped there, so say so on the form.
			if (isOverPageLimit(err)) return uploadTooLarge(locals.ctx.locale, 'upload');
			throw err;
		}
		const file = form.get('file');
		const mapping = Object.fromEntries(
			importFields
				.map((field) => [field, String(form.get(`mapping.${field}`) ?? '').trim()])
				.filter(([, header]) => header)
		);
		const result = await runAction(
			form,
			async () =>
				withUploadProgress(locals.ctx, String(form.get('progress') ?? ''), async (onProgress) =>
					importCompanyFile(
						locals.ctx,
						file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
						{
							kind: String(form.get('kind') ?? '') as 'members',
							cluster: String(form.get('cluster') ?? '') || undefined,
							year: Number(form.get('year')) || undefined,
							filename: file instanceof File && file.name ? file.name : 'upload.csv',
							mapping
						},
						onProgress
					)
				),
			'upload'
		);
		return 'importId' in result ? { saved: 'upload', summary: result } : result;
	},
	review: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await runAction(
			form,
			() =>
				decideReviewRow(locals.ctx, {
					id: form.get('id'),
					decision: form.get('decision'),
					cvr: String(form.get('cvr') ?? '')
				}),
			'review'
		);
		return result ?? { saved: 'review' };
	}
};
