/** The JSON Schemas of the file formats, as committed in docs/formats/. */
import { z } from 'zod';
import { SurveyFileSchema } from './survey/import-format';

export function formatSchemas(): Record<string, unknown> {
	return {
		'survey-responses.schema.json': {
			$id: 'https://klyngeradar.dk/formats/survey-responses@1',
			...z.toJSONSchema(SurveyFileSchema, { target: 'draft-2020-12' })
		}
	};
}
