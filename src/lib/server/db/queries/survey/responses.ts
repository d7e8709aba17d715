import { and, asc, eq, sql } from 'drizzle-orm';
import type { Answers } from '../../../../domain/survey/answers';
import type { Db, Tx } from '../../client';
import { ownedBy } from '../../scope';
import { clusters, surveyResponses, surveyRounds } from '../../schema';

export type ResponseRow = typeof surveyResponses.$inferSelect;

export async function findResponse(
	db: Db | Tx,
	roundId: number,
	clusterId: number
): Promise<ResponseRow | undefined> {
	const [row] = await db
		.select()
		.from(surveyResponses)
		.where(
			and(
				ownedBy(surveyResponses),
				eq(surveyResponses.roundId, roundId),
				eq(surveyResponses.clusterId, clusterId)
			)
		);
	return row;
}

/** Creates or replaces a cluster's response in a round. */
export async function saveResponse(
	db: Db | Tx,
	row: {
		roundId: number;
		clusterId: number;
		status: ResponseRow['status'];
		answers: Answers;
		versionId: number | null;
		source: ResponseRow['source'];
		updatedByLabel: string;
		submitted: boolean;
	}
): Promise<ResponseRow> {
	const [saved] = await db
		.insert(surveyResponses)
		.values({
			roundId: row.roundId,
			clusterId: row.clusterId,
			status: row.status,
			answers: row.answers,
			versionId: row.versionId,
			source: row.source,
			updatedByLabel: row.updatedByLabel,
			startedAt: sql`now()`,
			lastActivityAt: sql`now()`,
			submittedAt: row.submitted ? sql`now()` : null
		})
		.onConflictDoUpdate({
			target: [surveyResponses.roundId, surveyResponses.clusterId],
			set: {
				status: row.status,
				answers: row.answers,
				// The version a response was first given under stays with it.
				versionId: sql`coalesce(${surveyResponses.versionId}, excluded.version_id)`,
				source: row.source,
				updatedByLabel: row.updatedByLabel,
				startedAt: sql`coalesce(${surveyResponses.startedAt}, now())`,
				lastActivityAt: sql`now()`,
				submittedAt: row.submitted ? sql`now()` : sql`${surveyResponses.submittedAt}`
			},
			setWhere: ownedBy(surveyResponses)
		})
		.returning();
	if (!saved) throw new Error('saving a response returned no row');
	return saved;
}

export async function setResponseStatus(
	db: Db | Tx,
	id: number,
	status: ResponseRow['status']
): Promise<void> {
	await db
		.update(surveyResponses)
		.set({ status, lastActivityAt: sql`now()` })
		.where(and(ownedBy(surveyResponses), eq(surveyResponses.id, id)));
}

export async function listResponses(
	db: Db | Tx,
	roundId: number
): Promise<(ResponseRow & { clusterSlug: string; clusterName: string; shortName: string })[]> {
	const rows = await db
		.select({
			response: surveyResponses,
			clusterSlug: clusters.slug,
			clusterName: clusters.name,
			shortName: clusters.shortName
		})
		.from(surveyResponses)
		.innerJoin(clusters, eq(clusters.id, surveyResponses.clusterId))
		.where(and(ownedBy(surveyResponses), eq(surveyResponses.roundId, roundId)))
		.orderBy(asc(clusters.name));
	return rows.map((row) => ({
		...row.response,
		clusterSlug: row.clusterSlug,
		clusterName: row.clusterName,
		shortName: row.shortName
	}));
}

/** A cluster's completed answers in a region's rounds (real or demo), oldest round first. */
export async function listClusterAnswers(
	db: Db | Tx,
	clusterId: number,
	regionCode: string,
	isDemo: boolean
): Promise<
	{
		roundId: number;
		roundTitle: string;
		roundYear: number;
		submittedAt: Date | null;
		answers: Answers;
	}[]
> {
	const rows = await db
		.select({
			roundId: surveyRounds.id,
			roundTitle: surveyRounds.title,
			roundYear: surveyRounds.year,
			submittedAt: surveyResponses.submittedAt,
			answers: surveyResponses.answers
		})
		.from(surveyResponses)
		.innerJoin(surveyRounds, eq(surveyRounds.id, surveyResponses.roundId))
		.where(
			and(
				ownedBy(surveyResponses),
				ownedBy(surveyRounds),
				eq(surveyResponses.clusterId, clusterId),
				eq(surveyResponses.status, 'completed'),
				eq(surveyRounds.regionCode, regionCode),
				eq(surveyRounds.isDemo, isDemo)
			)
		)
		.orderBy(asc(surveyRounds.year), asc(surveyRounds.id));
	return rows.map((row) => ({ ...row, answers: row.answers as Answers }));
}
