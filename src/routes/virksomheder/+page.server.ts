import type { Actions, PageServerLoad } from './$types';
import { importFields } from '$lib/domain/companies/headers';
import { pageLimit, uploadLimits, uploadTooLarge, uploadUnreadable } from '$lib/server/body-limits';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import { FormUnreadable, spoolForm, type SpooledForm } from '$lib/server/import/upload';
import { BodyTooLarge } from '$lib/server/read-body';
import {
	importCompanyFile,
	getCompanyPage,
	decideReviewRow,
	withUploadProgress,
	type ImportKind
} from '$lib/server/services/companies';
import { scoped } from '$lib/server/services/context';
import { strategyRegion } from '$lib/server/services/strategy';

// After an upload (which holds no request transaction, see hooks.server.ts) the page is
// drawn in a scope of its own; otherwise inside the request's.
export const load: PageServerLoad = async ({ locals, url }) =>
	runLoad(() =>
		scoped(locals.ctx, async (ctx) => {
			const region = await strategyRegion(ctx, url.searchParams.get('region'));
			const year = Number(url.searchParams.get('aar')) || null;
			return {
				region,
				year,
				uploadLimits: uploadLimits(ctx.locale),
				...(await getCompanyPage(ctx, region, year))
			};
		})
	);

export const actions: Actions = {
	upload: async ({ request, locals }) => {
		const { locale } = locals.ctx;
		// The file goes to a temporary file as it arrives, as the API's import does.
		let upload: SpooledForm;
		try {
			upload = await spoolForm(request, 'file', { maxBytes: pageLimit() });
		} catch (err) {
			// Over the pages' limit: reading stopped there, so say so on the form.
			if (err instanceof BodyTooLarge) return uploadTooLarge(locale, 'upload');
			if (err instanceof FormUnreadable) return uploadUnreadable(locale, 'upload');
			throw err;
		}
		try {
			const { fields: form, file } = upload;
			const fields = formObject(form, ['kind', 'cluster', 'year', 'progress']);
			const chosen = formObject(
				form,
				importFields.map((field) => `mapping.${field}` as const)
			);
			const mapping = Object.fromEntries(
				importFields
					.map((field) => [field, chosen[`mapping.${field}`].trim()])
					.filter(([, header]) => header)
			);
			const result = await tryAction(
				form,
				async () =>
					withUploadProgress(locals.ctx, fields.progress, async (onProgress) =>
						importCompanyFile(
							locals.ctx,
							file ? file.source : new Uint8Array(),
							{
								kind: fields.kind as ImportKind,
								cluster: fields.cluster || undefined,
								year: Number(fields.year) || undefined,
								filename: file?.name || 'upload.csv',
								mapping
							},
							onProgress
						)
					),
				'upload'
			);
			return result.ok ? { saved: 'upload', summary: result.value } : result.failure;
		} finally {
			upload.dispose();
		}
	},
	review: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await tryAction(
			form,
			() => decideReviewRow(locals.ctx, formObject(form, ['id', 'decision', 'cvr'])),
			'review'
		);
		return result.ok ? { saved: 'review' } : result.failure;
	}
};
