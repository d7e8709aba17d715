import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/api/handler';
import { createImport as importSpec } from '$lib/server/api/specs/companies';
import { apiError } from '$lib/server/http';
import { m } from '$lib/server/i18n';
import { spoolToTempFile, UploadTooLarge } from '$lib/server/import-source';
import { IMPORT_LIMITS, importCompanyFile } from '$lib/server/services/company-import';

export const POST = apiHandler(importSpec, async ({ ctx, query, event }) => {
	const tooLarge = () =>
		apiError(413, 'payload_too_large', m.error_payload_too_large({}, { locale: ctx.locale }));
	const length = Number(event.request.headers.get('content-length') ?? '0');
	if (length > IMPORT_LIMITS.bytes) return tooLarge();
	let mapping: Record<string, string>;
	try {
		mapping = query.mapping ? (JSON.parse(query.mapping) as Record<string, string>) : {};
	} catch {
		return apiError(400, 'bad_json', m.error_bad_json({}, { locale: ctx.locale }));
	}
	// The body goes to a temporary file as it arrives: a national extract is never held whole.
	let upload: Awaited<ReturnType<typeof spoolToTempFile>>;
	try {
		upload = await spoolToTempFile(event.request.body, IMPORT_LIMITS.bytes);
	} catch (err) {
		if (err instanceof UploadTooLarge) return tooLarge();
		throw err;
	}
	try {
		const summary = await importCompanyFile(ctx, upload.source, { ...query, mapping });
		return json(summary, { status: 201 });
	} finally {
		upload.dispose();
	}
});
