import type { RequestHandler } from '@sveltejs/kit';
import { fileResponse } from '$lib/server/files';
import { runLoad } from '$lib/server/http';
import { companiesXlsx } from '$lib/server/services/companies';
import { strategyRegion } from '$lib/server/services/strategy';

export const GET: RequestHandler = async ({ locals, url }) => {
	const year = Number(url.searchParams.get('aar')) || null;
	const { region, body } = await runLoad(async () => {
		const code = await strategyRegion(locals.ctx, url.searchParams.get('region'));
		return { region: code, body: await companiesXlsx(locals.ctx, code, year) };
	});
	return fileResponse({
		filename: `virksomheder-${region}${year ? `-${year}` : ''}.xlsx`,
		mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body
	});
};
