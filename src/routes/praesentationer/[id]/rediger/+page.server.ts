import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { runLoad, tryAction } from '$lib/server/http';
import {
	agendaOnField,
	meetingEditFromForm,
	meetingOrThrow,
	updateMeeting
} from '$lib/server/services/meetings';

export const load: PageServerLoad = async ({ locals, params }) =>
	runLoad(async () => ({ meeting: await meetingOrThrow(locals.ctx, Number(params.id)) }));

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await tryAction(form, () =>
			agendaOnField(locals.ctx, () =>
				updateMeeting(locals.ctx, Number(params.id), meetingEditFromForm(form))
			)
		);
		if (result.ok) redirect(303, `/praesentationer/${params.id}`);
		return result.failure;
	}
};
