import { respondentEndpoint } from '$lib/server/respondent-endpoint';
import { submitResponse } from '$lib/server/services/survey';

export const POST = respondentEndpoint(submitResponse);
