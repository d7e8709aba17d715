import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import { actors, clusters, interviewQuotes, interviews, surveyRounds } from '../../schema';
import type { QuoteListRow } from '../../../../domain/survey/view';
export type { QuoteListRow };

export type InterviewRow = typeof interviews.$inferSelect;
export type QuoteRow = typeof interviewQuotes.$inferSelect;

export async function insertInterview(
	db: Db | Tx,
	row: typeof interviews.$inferInsert
): Promise<InterviewRow> {
	const [inserted] = await db.insert(interviews).values(row).returning();
	if (!inserted) throw new Error('insert into interviews returned no row');
	return inserted;
}

export async function deleteInterview(
	db: Db | Tx,
	roundId: number,
	id: number
): Promise<InterviewRow | undefined> {
	const [row] = await db
		.delete(interviews)
		.where(and(ownedBy(interviews), eq(interviews.id, id), eq(interviews.roundId, roundId)))
		.returning();
	return row;
}

export interface InterviewListRow extends InterviewRow {
	clusterName: string | null;
	actorName: string | null;
}

export async function listInterviews(db: Db | Tx, roundId: number): Promise<InterviewListRow[]> {
	const rows = await db
		.select({ interview: interviews, clusterName: clusters.shortName, actorName: actors.name })
		.from(interviews)
		.leftJoin(clusters, eq(clusters.id, interviews.clusterId))
		.leftJoin(actors, eq(actors.slug, interviews.actorSlug))
		.where(and(ownedBy(interviews), eq(interviews.roundId, roundId)))
		.orderBy(desc(interviews.heldOn), desc(interviews.id));
	return rows.map((row) => ({
		...row.interview,
		clusterName: row.clusterName,
		actorName: row.actorName
	}));
}

export async function insertQuote(
	db: Db | Tx,
	row: typeof interviewQuotes.$inferInsert
): Promise<QuoteRow> {
	const [inserted] = await db.insert(interviewQuotes).values(row).returning();
	if (!inserted) throw new Error('insert into interview_quotes returned no row');
	return inserted;
}

export async function deleteQuote(db: Db | Tx, id: number): Promise<QuoteRow | undefined> {
	const [row] = await db
		.delete(interviewQuotes)
		.where(and(ownedBy(interviewQuotes), eq(interviewQuotes.id, id)))
		.returning();
	return row;
}

/**
 * Quotes with their interview and round, all three scoped in the inner joins (the same as in a
 * where). The callers' where repeats the scope of the tables it names, as every query does.
 */
function quoteSelect(db: Db | Tx) {
	return db
		.select({
			id: interviewQuotes.id,
			interviewId: interviewQuotes.interviewId,
			text: interviewQuotes.text,
			questionKey: interviewQuotes.questionKey,
			clusterSlug: clusters.slug,
			clusterName: clusters.shortName,
			heldOn: interviews.heldOn,
			roundId: interviews.roundId,
			roundTitle: surveyRounds.title,
			isDemo: surveyRounds.isDemo
		})
		.from(interviewQuotes)
		.innerJoin(
			interviews,
			and(
				ownedBy(interviewQuotes),
				ownedBy(interviews),
				eq(interviews.id, interviewQuotes.interviewId)
			)
		)
		.innerJoin(surveyRounds, and(ownedBy(surveyRounds), eq(surveyRounds.id, interviews.roundId)))
		.leftJoin(clusters, eq(clusters.id, interviewQuotes.clusterId));
}

export async function listQuotesOfRound(db: Db | Tx, roundId: number): Promise<QuoteListRow[]> {
	return quoteSelect(db)
		.where(and(ownedBy(interviewQuotes), ownedBy(interviews), eq(interviews.roundId, roundId)))
		.orderBy(asc(interviewQuotes.id));
}

export async function listQuotesOfCluster(db: Db | Tx, clusterId: number): Promise<QuoteListRow[]> {
	return quoteSelect(db)
		.where(
			and(
				ownedBy(interviewQuotes),
				ownedBy(interviews),
				eq(interviewQuotes.clusterId, clusterId),
				isNotNull(interviewQuotes.clusterId)
			)
		)
		.orderBy(desc(interviews.heldOn));
}
