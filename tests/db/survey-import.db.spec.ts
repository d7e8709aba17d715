import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/lib/domain/errors';
import { surveyResponses, surveyRounds } from '../../src/lib/server/db/schema';
import { seedReferenceData } from '../../src/lib/server/services/platform';
import {
	exportSurvey,
	exportSurveyCsv,
	exportSurveyXlsx,
	importSurvey
} from '../../src/lib/server/services/survey';
import { useTestDb } from './harness';

const testDb = useTestDb();
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'survey');
const cases = JSON.parse(readFileSync(join(fixtures, 'cases.json'), 'utf8')) as {
	file: string;
	expect: { path: string; contains: string };
}[];

beforeAll(async () => {
	await seedReferenceData(testDb().db);
});

describe('survey import: bad input is reported with index, cluster and field, and nothing is written', () => {
	it.each(cases)('$file', async ({ file, expect: expected }) => {
		const { db } = testDb();
		const analyst = await testDb().userCtx('analyst');
		const rounds = (await db.select().from(surveyRounds)).length;
		const responses = (await db.select().from(surveyResponses)).length;
		let error: unknown;
		try {
			await importSurvey(analyst, readFileSync(join(fixtures, file), 'utf8'));
		} catch (err) {
			error = err;
		}
		expect(error).toBeInstanceOf(ValidationError);
		const issues = (error as ValidationError).issues.map((issue) => ({
			path: issue.path.join('.'),
			message: issue.message
		}));
		expect(issues).toContainEqual({
			path: expected.path,
			message: expect.stringContaining(expected.contains)
		});
		expect((error as ValidationError).message).toMatch(
			/Filen blev ikke indlæst: \d+ fejl\. Intet er gemt\./
		);
		expect((await db.select().from(surveyRounds)).length).toBe(rounds);
		expect((await db.select().from(surveyResponses)).length).toBe(responses);
	});
});

describe('survey import and export', () => {
	it('imports the format, and exports the same answers back', async () => {
		const analyst = await testDb().userCtx('analyst');
		const text = readFileSync(
			join(import.meta.dirname, '..', '..', 'data', 'demo', 'survey-nordjylland-2023.json'),
			'utf8'
		);
		const original = JSON.parse(text) as Awaited<ReturnType<typeof exportSurvey>>;
		const { roundId, responses } = await importSurvey(analyst, text);
		expect(responses).toBe(original.responses.length);
		const exported = await exportSurvey(analyst, roundId);
		const byCluster = (a: { cluster: string }, b: { cluster: string }) =>
			a.cluster.localeCompare(b.cluster);
		expect([...exported.responses].sort(byCluster)).toEqual(
			[...original.responses].sort(byCluster)
		);
		expect(exported.invited.sort()).toEqual([...original.invited].sort());
		const csv = await exportSurveyCsv(analyst, roundId);
		expect(csv.startsWith('\uFEFFcluster;status;activeInRegion')).toBe(true);
		// A header, then one line per response.
		expect(csv.split('\n').filter(Boolean)).toHaveLength(1 + original.responses.length);
		const xlsx = await exportSurveyXlsx(analyst, roundId);
		expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
	});

	it('refuses viewers', async () => {
		const viewer = await testDb().userCtx('viewer');
		await expect(importSurvey(viewer, '{}')).rejects.toMatchObject({ name: 'ForbiddenError' });
	});
});
