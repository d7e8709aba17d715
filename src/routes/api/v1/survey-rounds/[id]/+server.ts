import { apiHandler } from '$lib/server/api/handler';
import { getRound } from '$lib/server/api/specs/survey';
import { getRoundStatus } from '$lib/server/services/survey';

export const GET = apiHandler(getRound, async ({ ctx, params }) => {
	const status = await getRoundStatus(ctx, params.id);
	const { interviewTags: _tags, createdBy: _by, ...round } = status.round;
	return {
		round,
		counts: status.counts,
		invitations: status.invitations.map((i) => ({
			cluster: i.clusterSlug,
			status: i.status,
			lastActivityAt: i.lastActivityAt,
			submittedAt: i.submittedAt,
			source: i.source
		}))
	};
});
