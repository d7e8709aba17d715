import { apiHandler } from '$lib/server/api/handler';
import { exportRound } from '$lib/server/api/specs/survey';
import { exportSurvey } from '$lib/server/services/survey';

export const GET = apiHandler(exportRound, ({ ctx, params }) => exportSurvey(ctx, params.id));
