import { apiHandler } from '$lib/server/api/handler';
import { createImport as importSpec } from '$lib/server/api/specs/companies';
import { apiImportLimit, payloadTooLarge } from '$lib/server/body-limits';
import { apiError } from '$lib/server/http';
import { m } from '$lib/server/i18n';
import { spoolToTempFile } from '$lib/server/import/source';
import { BodyTooLarge, formatLimit } from '$lib/server/read-body';
import { importCompanyFile } from '$lib/server/services/companies';

export const POST = apiHandler(importSpec, async ({ ctx, query, event }) => {
	let mapping: Record<string, string>;
	try {
		mapping = query.mapping ? (JSON.parse(query.mapping) as Record<string, string>) : {};
	} catch {
		return apiError(400, 'bad_json', m.error_bad_json({}, { locale: ctx.locale }));
	}
	// The body goes to a temporary file as it arrives: a national extract is never held whole.
	let upload: Awaited<ReturnType<typeof spoolToTempFile>>;
	try {
		upload = await spoolToTempFile(event.request, apiImportLimit());
	} catch (err) {
		if (!(err instanceof BodyTooLarge)) throw err;
		const max = formatLimit(err.limit, ctx.locale);
		return payloadTooLarge(
			err.limit,
			ctx.locale,
			m.import_too_large({ max }, { locale: ctx.locale })
		);
	}
	try {
		return await importCompanyFile(ctx, upload.source, { ...query, mapping });
	} finally {
		upload.dispose();
	}
});
