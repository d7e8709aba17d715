/**
 * The national view's publications: shared rows, read by every organisation; written and
 * withdrawn only by the organisation in scope, for its own rounds.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Publication, PublishedFigures } from '../../../../domain/national/figures';
import type { Db, Tx } from '../../client';
import { nationalPublications, organisations } from '../../schema';
import { scopeSql } from '../../scope';

/** Publishes (or publishes again) a round of the organisation in scope. */
export async function upsertPublication(
	db: Db | Tx,
	row: {
		roundId: number;
		regionCode: string;
		year: number;
		title: string;
		figures: PublishedFigures;
		publishedBy: string;
	}
): Promise<Date> {
	const values = { ...row, publisherId: scopeSql, publishedAt: new Date() };
	const [saved] = await db
		.insert(nationalPublications)
		.values(values as never)
		.onConflictDoUpdate({
			target: nationalPublications.roundId,
			set: {
				figures: row.figures,
				title: row.title,
				publishedAt: values.publishedAt,
				publishedBy: row.publishedBy
			},
			setWhere: eq(nationalPublications.publisherId, scopeSql)
		})
		.returning({ publishedAt: nationalPublications.publishedAt });
	if (!saved) throw new Error('publishing a round returned no row');
	return saved.publishedAt;
}

/** Withdraws a round of the organisation in scope from the national view. */
export async function deletePublication(db: Db | Tx, roundId: number): Promise<boolean> {
	const rows = await db
		.delete(nationalPublications)
		.where(
			and(eq(nationalPublications.roundId, roundId), eq(nationalPublications.publisherId, scopeSql))
		)
		.returning({ roundId: nationalPublications.roundId });
	return rows.length > 0;
}

/** A round's publication, when the organisation in scope published it. */
export async function findOwnPublication(
	db: Db | Tx,
	roundId: number
): Promise<{ publishedAt: Date; publishedBy: string } | undefined> {
	const [row] = await db
		.select({
			publishedAt: nationalPublications.publishedAt,
			publishedBy: nationalPublications.publishedBy
		})
		.from(nationalPublications)
		.where(
			and(eq(nationalPublications.roundId, roundId), eq(nationalPublications.publisherId, scopeSql))
		);
	return row;
}

/** Every publication of every organisation, oldest first. */
export async function listPublications(db: Db | Tx): Promise<Publication[]> {
	const rows = await db
		.select({
			roundId: nationalPublications.roundId,
			publisher: { code: organisations.code, name: organisations.name },
			regionCode: nationalPublications.regionCode,
			year: nationalPublications.year,
			title: nationalPublications.title,
			publishedAt: nationalPublications.publishedAt,
			publishedBy: nationalPublications.publishedBy,
			figures: nationalPublications.figures
		})
		.from(nationalPublications)
		.innerJoin(organisations, eq(organisations.id, nationalPublications.publisherId))
		.orderBy(asc(nationalPublications.year), asc(nationalPublications.publishedAt));
	return rows;
}
