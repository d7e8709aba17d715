import type { RequestHandler } from '@sveltejs/kit';
import { runLoad } from '$lib/server/http';
import { fitXlsx } from '$lib/server/services/fit';
import { strategyRegion } from '$lib/server/services/strategy';

export const GET: RequestHandler = async ({ locals, url }) => {
	const { region, body } = await runLoad(async () => {
		const code = await strategyRegion(locals.ctx, url.searchParams.get('region'));
		return { region: code, body: new Uint8Array(await fitXlsx(locals.ctx, code)) };
	});
	return new Response(body, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="klyngematch-${region}.xlsx"`
		}
	});
};
