/**
 * Reads of answer fields in SQL over `survey_responses r`, from the domain's list of fields, so a
 * path in a query is one the answer schema has. The paths are constants of the code, never
 * input; they go into the statement as literals, as a hand-written path would.
 */
import { sql, type SQL } from 'drizzle-orm';
import { answerFields, type AnswerField } from '../../../../domain/survey/fields';

const plainName = /^[A-Za-z][A-Za-z0-9]*$/;

function pathOf(field: AnswerField): readonly string[] {
	const path = answerFields[field];
	// Guards the literal: a future field name with a quote or brace must not reach the statement.
	if (!path.every((part) => plainName.test(part)))
		throw new Error(`answer path ${path.join('.')} is not a plain name`);
	return path;
}

/** The field as jsonb: `r.answers->'a'`, or `r.answers #> '{a,b}'` below the top level. */
export function answerJson(field: AnswerField): SQL {
	const path = pathOf(field);
	return sql.raw(
		path.length === 1 ? `r.answers->'${path[0]}'` : `r.answers #> '{${path.join(',')}}'`
	);
}

/** The field as text, null when it is absent: `r.answers->>'a'` or `r.answers #>> '{a,b}'`. */
export function answerText(field: AnswerField): SQL {
	const path = pathOf(field);
	return sql.raw(
		path.length === 1 ? `r.answers->>'${path[0]}'` : `r.answers #>> '{${path.join(',')}}'`
	);
}
