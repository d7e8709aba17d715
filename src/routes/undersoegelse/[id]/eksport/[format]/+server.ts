import { error, type RequestHandler } from '@sveltejs/kit';
import { runLoad } from '$lib/server/http';
import { m } from '$lib/server/i18n';
import { exportSurvey, exportSurveyCsv, exportSurveyXlsx } from '$lib/server/services/survey';

const types = {
	json: 'application/json; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

export const GET: RequestHandler = async ({ params, locals }) => {
	const format = params.format as keyof typeof types;
	if (!(format in types)) error(404, { message: m.error_not_found({}, { locale: locals.locale }) });
	const id = Number(params.id);
	const body = await runLoad(async () => {
		if (format === 'csv') return exportSurveyCsv(locals.ctx, id);
		if (format === 'xlsx') return new Uint8Array(await exportSurveyXlsx(locals.ctx, id));
		return JSON.stringify(await exportSurvey(locals.ctx, id), null, 2);
	});
	return new Response(body, {
		headers: {
			'content-type': types[format],
			'content-disposition': `attachment; filename="survey-${id}.${format}"`
		}
	});
};
