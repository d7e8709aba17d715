import { respondentEndpoint } from '$lib/server/respondent-endpoint';
import { saveDraft } from '$lib/server/services/survey-respond';

export const POST = respondentEndpoint(saveDraft);
