/**
 * Illustrative demo data from `data/demo/`, loaded on start when KLYNGERADAR_DEMO_DATA is true
 * (and by `klyngeradar db seed --demo [--organisations 2]`).
 * It goes through the same import and validation as real data and is flagged as demo everywhere.
 * Loading is idempotent: what exists already is left alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { surveyRounds, agreements, meetings } from '../../db/schema';
import type { OrganisationRef } from '$lib/domain/organisations';
import {
	findOrganisationByCode,
	insertOrganisation,
	listOpenOrganisations
} from '../../db/queries/organisations/organisations';
import { copyAdminMemberships } from '../../db/queries/users/users';
import { inOrganisation, ownedBy } from '../../db/scope';
import { packageRoot } from '../../paths';
import type { Ctx } from '../context';
import { importSurveyDocument, validateSurveyFile } from '../survey';
import { addQuote, createInterview, setTags } from '../findings';
import { z } from 'zod';
import { addGoal, addKpi, recordMeasurement, createAgreement } from '../agreements';
import { createMeeting } from '../meetings';

export const DEMO_SURVEY_FILE = join(packageRoot, 'data', 'demo', 'survey-nordjylland-2023.json');
const demoFile = (name: string) => join(packageRoot, 'data', 'demo', name);

/** One organisation's demo files: a survey round, its interviews, an agreement and meetings. */
interface DemoSet {
	survey: string;
	interviews?: string;
	agreement: string;
	meetings: string;
}

const NORTH_JUTLAND: DemoSet = {
	survey: DEMO_SURVEY_FILE,
	interviews: demoFile('interviews-nordjylland-2023.json'),
	agreement: demoFile('agreement-nordjylland.json'),
	meetings: demoFile('meetings-nordjylland.json')
};

/** The second demo organisation, to see two organisations' work side by side. */
const SOUTH_DENMARK_ORGANISATION = {
	code: 'syddanmark-demo',
	name: 'Syddanmark (demodata)',
	kind: 'regional',
	regionCode: '1083'
} as const;
const SOUTH_DENMARK: DemoSet = {
	survey: demoFile('survey-syddanmark-2024.json'),
	agreement: demoFile('agreement-syddanmark.json'),
	meetings: demoFile('meetings-syddanmark.json')
};

export interface DemoSummary {
	surveyRoundId: number | null;
	created: string[];
	/** The organisations the demo data went into, by code. */
	organisations: string[];
}

export interface DemoOptions {
	/** 1 (the installation's organisation) or 2 (and a second region's demo organisation). */
	organisations?: 1 | 2;
}

/**
 * The demo data in the installation's first organisation, and with `organisations: 2` in a
 * second demo organisation for Region Syddanmark, whose members are the first one's admins (so
 * the header's switcher shows both). Each organisation's data is written in its own scope.
 */
export async function seedDemoData(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
	// The installation's own organisation is the oldest.
	const [first] = (await listOpenOrganisations(db)).sort((a, b) => a.id - b.id);
	if (!first) throw new Error('no organisation to load the demo data into');
	const summary = await inOrganisation(db, first.id, (tx) =>
		seedDemoSet(demoCtx(tx, first), NORTH_JUTLAND)
	);
	const organisations = [first.code];
	if (options.organisations === 2) {
		const second = await ensureDemoOrganisation(db, first.id);
		const more = await inOrganisation(db, second.id, (tx) =>
			seedDemoSet(demoCtx(tx, second), SOUTH_DENMARK)
		);
		summary.created.push(...more.created.map((item) => `${second.code}:${item}`));
		organisations.push(second.code);
	}
	return { ...summary, organisations };
}

/** The seed acts in the organisation's scope, as a member would: its decks name it. */
const demoCtx = (db: Db, organisation: OrganisationRef): Ctx => ({
	db,
	actor: { kind: 'system', label: 'seed' },
	locale: 'da',
	organisation,
	scoped: true
});

async function ensureDemoOrganisation(db: Db, firstId: number): Promise<OrganisationRef> {
	const existing = await findOrganisationByCode(db, SOUTH_DENMARK_ORGANISATION.code);
	if (existing) return existing;
	return db.transaction(async (tx) => {
		const created = await insertOrganisation(tx, SOUTH_DENMARK_ORGANISATION);
		await copyAdminMemberships(tx, firstId, created.id);
		return created;
	});
}

async function seedDemoSet(
	ctx: Ctx,
	set: DemoSet
): Promise<{ surveyRoundId: number | null; created: string[] }> {
	const { db } = ctx;
	const created: string[] = [];
	const file = await validateSurveyFile(ctx, readFileSync(set.survey, 'utf8'));
	const [existing] = await db
		.select({ id: surveyRounds.id })
		.from(surveyRounds)
		.where(
			and(
				ownedBy(surveyRounds),
				eq(surveyRounds.isDemo, true),
				eq(surveyRounds.title, file.round.title)
			)
		);
	let surveyRoundId = existing?.id ?? null;
	if (!existing) {
		surveyRoundId = (await importSurveyDocument(ctx, file, { isDemo: true })).roundId;
		created.push('survey');
	}
	if (surveyRoundId !== null && !existing && set.interviews) {
		await seedDemoInterviews(ctx, surveyRoundId, set.interviews);
		created.push('interviews');
	}
	if (await seedDemoAgreement(ctx, set.agreement)) created.push('agreement');
	if (surveyRoundId !== null && (await seedDemoMeetings(ctx, surveyRoundId, set.meetings)))
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
async function seedDemoInterviews(ctx: Ctx, roundId: number, path: string): Promise<void> {
	const file = DemoInterviewsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
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
async function seedDemoAgreement(ctx: Ctx, path: string): Promise<boolean> {
	const file = DemoAgreementSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
	const [existing] = await ctx.db
		.select({ id: agreements.id })
		.from(agreements)
		.where(
			and(
				ownedBy(agreements),
				eq(agreements.isDemo, true),
				eq(agreements.title, file.agreement.title)
			)
		);
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

const DemoMeetingsSchema = z.object({
	regionCode: z.string(),
	meetings: z.array(z.record(z.string(), z.unknown()).and(z.object({ title: z.string() })))
});

/**
 * A demo board meeting and a demo management meeting on the demo round, once. They are created
 * after the demo agreement so their snapshots include it.
 */
async function seedDemoMeetings(ctx: Ctx, roundId: number, path: string): Promise<boolean> {
	const file = DemoMeetingsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
	const [existing] = await ctx.db
		.select({ id: meetings.id })
		.from(meetings)
		.where(and(ownedBy(meetings), eq(meetings.isDemo, true)))
		.limit(1);
	if (existing) return false;
	for (const meeting of file.meetings) {
		await createMeeting(ctx, file.regionCode, { ...meeting, roundId }, { isDemo: true });
	}
	return true;
}
