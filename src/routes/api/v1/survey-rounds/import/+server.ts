import { apiHandler } from '$lib/server/api/handler';
import { importRound } from '$lib/server/api/specs/survey';
import { importSurveyDocument, validateSurveyDocument } from '$lib/server/services/survey';
import { requireRole } from '$lib/server/services/access';

export const POST = apiHandler(importRound, async ({ ctx, body }) => {
	requireRole(ctx, 'analyst');
	return importSurveyDocument(ctx, await validateSurveyDocument(ctx, body));
});
