import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/api/handler';
import { createImport as importSpec } from '$lib/server/api/specs/companies';
import { apiError } from '$lib/server/http';
import { m } from '$lib/server/i18n';
import { IMPORT_LIMITS, importCompanyFile } from '$lib/server/services/company-import';

export const POST = apiHandler(importSpec, async ({ ctx, query, event }) => {
	const length = Number(event.request.headers.get('content-length') ?? '0');
	if (length > IMPORT_LIMITS.bytes)
		return apiError(
			413,
			'payload_too_large',
			m.error_payload_too_large({}, { locale: ctx.locale })
		);
	let mapping: Record<string, string>;
	try {
		mapping = query.mapping ? (JSON.parse(query.mapping) as Record<string, string>) : {};
	} catch {
		return apiError(400, 'bad_json', m.error_bad_json({}, { locale: ctx.locale }));
	}
	const bytes = new Uint8Array(await event.request.arrayBuffer());
	const summary = await importCompanyFile(ctx, bytes, { ...query, mapping });
	return json(summary, { status: 201 });
});
