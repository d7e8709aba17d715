import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import {
	agreementDraftFromDecision,
	agreementInputFromForm,
	agreementOptions,
	createAgreement
} from '$lib/server/services/agreements';
import { strategyRegion } from '$lib/server/services/strategy';

export const load: PageServerLoad = async ({ locals, url }) =>
	runLoad(async () => {
		const decision = url.searchParams.get('beslutning');
		const draft = decision ? await agreementDraftFromDecision(locals.ctx, Number(decision)) : null;
		const region =
			draft?.regionCode ?? (await strategyRegion(locals.ctx, url.searchParams.get('region')));
		const { options } = await agreementOptions(locals.ctx, region);
		return {
			options,
			values: draft?.values ?? { status: 'draft' as const },
			decisionId: draft?.decisionId ?? null
		};
	});

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await request.formData();
		const decision = Number(form.get('decisionId') ?? '');
		const result = await tryAction(form, async () =>
			createAgreement(
				locals.ctx,
				await strategyRegion(locals.ctx, url.searchParams.get('region')),
				agreementInputFromForm(form),
				{ decisionId: Number.isInteger(decision) && decision > 0 ? decision : null }
			)
		);
		if (result.ok) redirect(303, `/aftaler/${result.value.id}`);
		return result.failure;
	}
};
