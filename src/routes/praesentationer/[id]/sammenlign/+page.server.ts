import type { PageServerLoad } from './$types';
import { runLoad } from '$lib/server/http';
import { compareMeeting, listMeetingItems } from '$lib/server/services/meetings';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	runLoad(async () => {
		const against = url.searchParams.get('med');
		const comparison = await compareMeeting(
			locals.ctx,
			Number(params.id),
			against ? Number(against) : null
		);
		const others = (
			await listMeetingItems(locals.ctx, { region: comparison.meeting.regionCode })
		).filter((x) => x.id !== comparison.meeting.id);
		return { comparison, others, against: against ?? '' };
	});
