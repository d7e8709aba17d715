import { respondentEndpoint } from '$lib/server/respondent-endpoint';
import { saveDraft } from '$lib/server/services/survey';

export const POST = respondentEndpoint(saveDraft);
