import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formObject, runLoad, tryAction } from '$lib/server/http';
import {
	agendaOnField,
	meetingInputFromForm,
	createMeeting,
	meetingOptions
} from '$lib/server/services/meetings';

export const load: PageServerLoad = async ({ locals }) =>
	runLoad(async () => {
		const options = await meetingOptions(locals.ctx);
		// The newest round with answers is the usual choice.
		const round = options.rounds.find((r) => r.completed > 0);
		return {
			options,
			values: {
				regionCode: round?.regionCode ?? locals.ctx.organisation?.regionCode ?? '1081',
				roundId: round?.id ?? null
			}
		};
	});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const result = await tryAction(form, () =>
			agendaOnField(locals.ctx, () =>
				createMeeting(locals.ctx, formObject(form, ['region']).region, meetingInputFromForm(form))
			)
		);
		if (result.ok) redirect(303, `/praesentationer/${result.value.id}`);
		return result.failure;
	}
};
