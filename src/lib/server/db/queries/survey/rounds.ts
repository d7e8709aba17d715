import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../client';
import { regions, roundStatuses, surveyRounds, surveyVersions } from '../../schema';
import { queryRows, sqlTimestamp } from '../../rows';
import { ownedBy, scopeSql } from '../../scope';
import type { RoundListRow } from '../../../../domain/survey/view';
export type { RoundListRow };

export type RoundRow = typeof surveyRounds.$inferSelect;
export type VersionRow = typeof surveyVersions.$inferSelect;

export async function insertRound(
	db: Db | Tx,
	row: typeof surveyRounds.$inferInsert
): Promise<RoundRow> {
	const [inserted] = await db.insert(surveyRounds).values(row).returning();
	if (!inserted) throw new Error('insert into survey_rounds returned no row');
	return inserted;
}

export async function findRound(
	db: Db | Tx,
	id: number
): Promise<(RoundRow & { regionName: string }) | undefined> {
	const [row] = await db
		.select({ round: surveyRounds, regionName: regions.name })
		.from(surveyRounds)
		.innerJoin(regions, eq(regions.code, surveyRounds.regionCode))
		.where(and(ownedBy(surveyRounds), eq(surveyRounds.id, id)));
	return row ? { ...row.round, regionName: row.regionName } : undefined;
}

/** All rounds, newest first, with how many clusters were invited and have answered. */
export async function listRoundsWithCounts(db: Db | Tx): Promise<RoundListRow[]> {
	const rows = await queryRows(
		db,
		sql`select r.id, r.region_code as "regionCode", g.name as "regionName", r.year, r.title, r.status,
			r.is_demo as "isDemo", r.created_at as "createdAt",
			(select count(*) from survey_invitations i
				where i.organisation_id = ${scopeSql} and i.round_id = r.id)::int as "invited",
			(select count(*) from survey_responses s
				where s.organisation_id = ${scopeSql} and s.round_id = r.id and s.status = 'completed')::int as "completed",
			(select count(*) from survey_responses s
				where s.organisation_id = ${scopeSql} and s.round_id = r.id and s.status = 'partial')::int as "partial"
		from survey_rounds r join regions g on g.code = r.region_code
		where r.organisation_id = ${scopeSql}
		order by r.year desc, r.id desc`,
		z.object({
			id: z.number().int(),
			regionCode: z.string(),
			regionName: z.string(),
			year: z.number().int(),
			title: z.string(),
			status: z.enum(roundStatuses),
			isDemo: z.boolean(),
			createdAt: sqlTimestamp,
			invited: z.number().int(),
			completed: z.number().int(),
			partial: z.number().int()
		})
	);
	return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
}

export async function setRoundStatus(
	db: Db | Tx,
	id: number,
	status: 'open' | 'closed'
): Promise<RoundRow | undefined> {
	const [row] = await db
		.update(surveyRounds)
		.set({ status, closedAt: status === 'closed' ? sql`now()` : null })
		.where(and(ownedBy(surveyRounds), eq(surveyRounds.id, id)))
		.returning();
	return row;
}

/** The round of the same region just before this one, for comparisons and prefill. */
export async function findPreviousRound(
	db: Db | Tx,
	regionCode: string,
	year: number,
	isDemo: boolean
): Promise<RoundRow | undefined> {
	const [row] = await db
		.select()
		.from(surveyRounds)
		.where(
			and(
				ownedBy(surveyRounds),
				eq(surveyRounds.regionCode, regionCode),
				lt(surveyRounds.year, year),
				eq(surveyRounds.isDemo, isDemo)
			)
		)
		.orderBy(desc(surveyRounds.year), desc(surveyRounds.id))
		.limit(1);
	return row;
}

export async function insertVersion(
	db: Db | Tx,
	row: typeof surveyVersions.$inferInsert
): Promise<VersionRow> {
	const [inserted] = await db.insert(surveyVersions).values(row).returning();
	if (!inserted) throw new Error('insert into survey_versions returned no row');
	return inserted;
}

export async function latestVersion(db: Db | Tx, roundId: number): Promise<VersionRow | undefined> {
	const [row] = await db
		.select()
		.from(surveyVersions)
		.where(and(ownedBy(surveyVersions), eq(surveyVersions.roundId, roundId)))
		.orderBy(desc(surveyVersions.version))
		.limit(1);
	return row;
}

export async function findVersion(db: Db | Tx, id: number): Promise<VersionRow | undefined> {
	const [row] = await db
		.select()
		.from(surveyVersions)
		.where(and(ownedBy(surveyVersions), eq(surveyVersions.id, id)));
	return row;
}

export async function setInterviewTags(db: Db | Tx, id: number, tags: string[]): Promise<void> {
	await db
		.update(surveyRounds)
		.set({ interviewTags: tags })
		.where(and(ownedBy(surveyRounds), eq(surveyRounds.id, id)));
}

export interface EvidenceRound {
	id: number;
	title: string;
	year: number;
	isDemo: boolean;
	completed: number;
	invited: number;
	/** When the last completed answer was submitted. */
	lastSubmittedAt: Date | null;
}

/**
 * The round the strategy's fit rests on: the region's newest round with completed answers, a
 * real round before a demo round.
 */
export async function findEvidenceRound(
	db: Db | Tx,
	regionCode: string
): Promise<EvidenceRound | undefined> {
	const [row] = await queryRows(
		db,
		sql`select r.id, r.title, r.year, r.is_demo as "isDemo",
			(select count(*) from survey_responses s
				where s.organisation_id = ${scopeSql} and s.round_id = r.id and s.status = 'completed')::int as "completed",
			(select count(*) from survey_invitations i
				where i.organisation_id = ${scopeSql} and i.round_id = r.id)::int as "invited",
			(select max(s.submitted_at) from survey_responses s
				where s.organisation_id = ${scopeSql} and s.round_id = r.id and s.status = 'completed') as "lastSubmittedAt"
		from survey_rounds r
		where r.organisation_id = ${scopeSql} and r.region_code = ${regionCode}
			and exists (select 1 from survey_responses s
				where s.organisation_id = ${scopeSql} and s.round_id = r.id and s.status = 'completed')
		order by r.is_demo asc, r.year desc, r.id desc
		limit 1`,
		z.object({
			id: z.number().int(),
			title: z.string(),
			year: z.number().int(),
			isDemo: z.boolean(),
			completed: z.number().int(),
			invited: z.number().int(),
			lastSubmittedAt: sqlTimestamp.nullable()
		})
	);
	return row
		? { ...row, lastSubmittedAt: row.lastSubmittedAt ? new Date(row.lastSubmittedAt) : null }
		: undefined;
}

/** When the round's newest completed answer came in (null when none has). */
export async function lastCompletedAnswerAt(db: Db | Tx, roundId: number): Promise<Date | null> {
	const [row] = await queryRows(
		db,
		sql`select max(submitted_at) as "at" from survey_responses
		where organisation_id = ${scopeSql} and round_id = ${roundId} and status = 'completed'`,
		z.object({ at: sqlTimestamp.nullable() })
	);
	return row?.at ? new Date(row.at) : null;
}
