import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { AnswerField } from '../../../../domain/survey/fields';
import { answerJson, answerText } from './answer-paths';

const dialect = new PgDialect();
const read = { json: answerJson, text: answerText };

describe('answer fields in SQL', () => {
	it.each<[AnswerField, keyof typeof read, string]>([
		['activeInRegion', 'text', `r.answers->>'activeInRegion'`],
		['presence', 'json', `r.answers->'presence'`],
		['uniqueSince', 'text', `r.answers #>> '{uniqueCompanies,sinceYear}'`],
		['agreementsMunicipalities', 'json', `r.answers #> '{agreements,municipalities}'`]
	])('reads %s as %s by its path, as a literal', (field, as, expected) => {
		expect(dialect.sqlToQuery(read[as](field))).toEqual({ sql: expected, params: [] });
	});
});
