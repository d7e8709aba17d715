/**
 * Illustrative demo data from `data/demo/`, loaded on start when KLYNGERADAR_DEMO_DATA is true.
 * It goes through the same import and validation as real data and is flagged as demo everywhere.
 * Loading is idempotent: what exists already is left alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { surveyRounds, agreements, meetings } from '../../db/schema';
import { packageRoot } from '../../paths';
import type { Ctx } from '../context';
import { importSurveyDocument, validateSurveyFile } from '../survey';
import { addQuote, createInterview, setTags } from '../findings';
import { z } from 'zod';
import { addGoal, addKpi, recordMeasurement, createAgreement } from '../agreements';
import { createMeeting } from '../meetings';

export const DEMO_SURVEY_FILE = join(packageRoot, 'data', 'demo', 'survey-nordjylland-2023.json');
const DEMO_INTERVIEWS_FILE = join(packageRoot, 'data', 'demo', 'interviews-nordjylland-2023.json');

export interface DemoSummary {
	surveyRoundId: number | null;
	created: string[];
}

export async function seedDemoData(db: Db): Promise<DemoSummary> {
	const ctx: Ctx = { db, actor: { kind: 'system', label: 'seed' }, locale: 'da' };
	const created: string[] = [];
	const file = await validateSurveyFile(ctx, readFileSync(DEMO_SURVEY_FILE, 'utf8'));
	const [existing] = await db
		.select({ id: surveyRounds.id })
		.from(surveyRounds)
		.where(and(eq(surveyRounds.isDemo, true), eq(surveyRounds.title, file.round.title)));
	let surveyRoundId = existing?.id ?? null;
	if (!existing) {
		surveyRoundId = (await importSurveyDocument(ctx, file, { isDemo: true })).roundId;
		created.push('survey');
	}
	if (surveyRoundId !== null && !existing) {
		await seedDemoInterviews(ctx, surveyRoundId);
		created.push('interviews');
	}
	if (await seedDemoAgreement(ctx)) created.push('agreement');
	if (surveyRoundId !== null && (await seedDemoMeetings(ctx, surveyRoundId)))
		created.push('meetings');
	return { surveyRoundId, created };
}

const DemoInterviewsSchema = z.object({
	tags: z.array(z.string()),
	interviews: z.array(
		z.object({
			subject: z.string(),
			heldOn: z.string(),
			participantRoles: z.array(z.string()),
			tags: z.array(z.string()),
			notes: z.string(),
			quotes: z.array(z.object({ text: z.string(), questionKey: z.string() }))
		})
	)
});

/** The demo round's interview notes and pinned quotes, through the same services as the UI. */
async function seedDemoInterviews(ctx: Ctx, roundId: number): Promise<void> {
	const file = DemoInterviewsSchema.parse(JSON.parse(readFileSync(DEMO_INTERVIEWS_FILE, 'utf8')));
	await setTags(ctx, roundId, file.tags.join(','));
	for (const interview of file.interviews) {
		const created = await createInterview(ctx, roundId, {
			...interview,
			participantRoles: interview.participantRoles.join(',')
		});
		const cluster = interview.subject.startsWith('cluster:')
			? interview.subject.slice('cluster:'.length)
			: undefined;
		for (const quote of interview.quotes) {
			await addQuote(ctx, roundId, {
				interviewId: created.id,
				text: quote.text,
				cluster,
				questionKey: quote.questionKey
			});
		}
	}
}

const DEMO_AGREEMENT_FILE = join(packageRoot, 'data', 'demo', 'agreement-nordjylland.json');

const DemoAgreementSchema = z.object({
	regionCode: z.string(),
	agreement: z.record(z.string(), z.unknown()).and(z.object({ title: z.string() })),
	goals: z.array(
		z.object({
			title: z.string(),
			kpis: z.array(
				z
					.record(z.string(), z.unknown())
					.and(z.object({ measurements: z.array(z.record(z.string(), z.unknown())).default([]) }))
			)
		})
	)
});

/** One demo agreement with goals, KPIs (manual and automatic) and measurements, once. */
async function seedDemoAgreement(ctx: Ctx): Promise<boolean> {
	const file = DemoAgreementSchema.parse(JSON.parse(readFileSync(DEMO_AGREEMENT_FILE, 'utf8')));
	const [existing] = await ctx.db
		.select({ id: agreements.id })
		.from(agreements)
		.where(and(eq(agreements.isDemo, true), eq(agreements.title, file.agreement.title)));
	if (existing) return false;
	const { id } = await createAgreement(ctx, file.regionCode, file.agreement, { isDemo: true });
	for (const goal of file.goals) {
		const created = await addGoal(ctx, id, { title: goal.title });
		for (const { measurements, ...kpi } of goal.kpis) {
			const row = await addKpi(ctx, id, created.id, kpi);
			for (const measurement of measurements) await recordMeasurement(ctx, row.id, measurement, id);
		}
	}
	return true;
}

const DEMO_MEETINGS_FILE = join(packageRoot, 'data', 'demo', 'meetings-nordjylland.json');

const DemoMeetingsSchema = z.object({
	regionCode: z.string(),
	meetings: z.array(z.record(z.string(), z.unknown()).and(z.object({ title: z.string() })))
});

/**
 * A demo board meeting and a demo management meeting on the demo round, once. They are created
 * after the demo agreement so their snapshots include it.
 */
async function seedDemoMeetings(ctx: Ctx, roundId: number): Promise<boolean> {
	const file = DemoMeetingsSchema.parse(JSON.parse(readFileSync(DEMO_MEETINGS_FILE, 'utf8')));
	const [existing] = await ctx.db
		.select({ id: meetings.id })
		.from(meetings)
		.where(eq(meetings.isDemo, true))
		.limit(1);
	if (existing) return false;
	for (const meeting of file.meetings) {
		await createMeeting(ctx, file.regionCode, { ...meeting, roundId }, { isDemo: true });
	}
	return true;
}
