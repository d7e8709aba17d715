/**
 * What a regional body publishes to the national view from one closed survey round: per
 * cluster its answer's figures (never free texts, notes or drafts), and per municipality how
 * many clusters are present there and have agreements there. Kept as a document with its
 * round, n of N and date, so every national figure says where it came from.
 */
import { z } from 'zod';
import type { Answers } from '../survey/answers';

export const PublishedClusterSchema = z.object({
	slug: z.string(),
	status: z.enum(['not_started', 'partial', 'completed']),
	/** Null when the cluster did not answer whether it is active in the region. */
	active: z.boolean().nullable(),
	present: z.boolean(),
	members: z.number().int().nullable(),
	membersEstimate: z.boolean(),
	uniqueCompanies: z.number().int().nullable(),
	uniqueEstimate: z.boolean(),
	/** Agreement parties named (actors, municipalities as one, other). */
	agreements: z.number().int(),
	municipalities: z.object({ presence: z.array(z.string()), agreements: z.array(z.string()) })
});
export type PublishedCluster = z.infer<typeof PublishedClusterSchema>;

export const PublishedFiguresSchema = z.object({
	format: z.literal(1),
	invited: z.number().int(),
	completed: z.number().int(),
	partial: z.number().int(),
	/** When the last answer came in. */
	lastAnswerAt: z.string().nullable(),
	clusters: z.array(PublishedClusterSchema)
});
export type PublishedFigures = z.infer<typeof PublishedFiguresSchema>;

export interface InvitedCluster {
	clusterSlug: string;
	status: PublishedCluster['status'];
}

export interface AnsweredCluster {
	clusterSlug: string;
	status: PublishedCluster['status'];
	answers: Answers;
	submittedAt: Date | null;
	lastActivityAt: Date | null;
}

/** The figures of a round for publication, from its invitations and responses. */
export function publishedFigures(
	invited: InvitedCluster[],
	responses: AnsweredCluster[]
): PublishedFigures {
	const answerOf = new Map(responses.map((response) => [response.clusterSlug, response]));
	const clusters = invited.map((invitation): PublishedCluster => {
		const response = answerOf.get(invitation.clusterSlug);
		const answers = response && response.status !== 'not_started' ? response.answers : null;
		const presence = answers?.presence;
		const present =
			answers?.activeInRegion !== false &&
			Boolean(presence?.ownOffice || (presence?.coLocatedWith.length ?? 0) > 0);
		return {
			slug: invitation.clusterSlug,
			status: response?.status ?? invitation.status,
			active: answers?.activeInRegion ?? null,
			present,
			members: answers?.members?.total ?? null,
			membersEstimate: answers?.members?.estimate ?? false,
			uniqueCompanies: answers?.uniqueCompanies?.count ?? null,
			uniqueEstimate: answers?.uniqueCompanies?.estimate ?? false,
			agreements: answers?.agreements?.parties.length ?? 0,
			municipalities: {
				presence: present ? (presence?.municipalities ?? []) : [],
				agreements: answers?.agreements?.municipalities ?? []
			}
		};
	});
	const answered = responses.filter((response) => response.status !== 'not_started');
	const last = answered
		.map((response) => (response.submittedAt ?? response.lastActivityAt)?.getTime() ?? 0)
		.filter((time) => time > 0)
		.sort((a, b) => b - a)[0];
	return {
		format: 1,
		invited: invited.length,
		completed: clusters.filter((cluster) => cluster.status === 'completed').length,
		partial: clusters.filter((cluster) => cluster.status === 'partial').length,
		lastAnswerAt: last === undefined ? null : new Date(last).toISOString(),
		clusters
	};
}

/** A published round as the national view reads it. */
export interface Publication {
	roundId: number;
	publisher: { code: string; name: string };
	regionCode: string;
	year: number;
	title: string;
	publishedAt: Date;
	publishedBy: string;
	figures: PublishedFigures;
}

/** Each region's latest publication: by year, then by date published. */
export function latestPerRegion(publications: Publication[]): Map<string, Publication> {
	const latest = new Map<string, Publication>();
	for (const publication of publications) {
		const held = latest.get(publication.regionCode);
		if (
			!held ||
			publication.year > held.year ||
			(publication.year === held.year && publication.publishedAt > held.publishedAt)
		)
			latest.set(publication.regionCode, publication);
	}
	return latest;
}

export interface MatrixCell {
	status: PublishedCluster['status'];
	present: boolean;
	members: number | null;
	membersEstimate: boolean;
	uniqueCompanies: number | null;
	uniqueEstimate: boolean;
	agreements: number;
}

/** A region's column: the round it comes from, with n of N and its estimates. */
export interface MatrixRegion {
	regionCode: string;
	round: { id: number; title: string; year: number; publishedAt: string; publisher: string };
	completed: number;
	invited: number;
	estimates: number;
}

export interface NationalMatrix {
	regions: MatrixRegion[];
	/** Cluster slug → region code → its cell; a cluster not invited in a region has none. */
	cells: Record<string, Record<string, MatrixCell>>;
	/** Municipality code → clusters present there and clusters with agreements there. */
	municipalities: Record<string, { presence: number; agreements: number }>;
}

/** The clusters × regions matrix from each region's latest publication. */
export function nationalMatrix(publications: Publication[]): NationalMatrix {
	const regions: MatrixRegion[] = [];
	const cells: NationalMatrix['cells'] = {};
	const municipalities: NationalMatrix['municipalities'] = {};
	const latest = [...latestPerRegion(publications).values()].sort((a, b) =>
		a.regionCode.localeCompare(b.regionCode)
	);
	for (const publication of latest) {
		const { figures } = publication;
		regions.push({
			regionCode: publication.regionCode,
			round: {
				id: publication.roundId,
				title: publication.title,
				year: publication.year,
				publishedAt: publication.publishedAt.toISOString(),
				publisher: publication.publisher.name
			},
			completed: figures.completed,
			invited: figures.invited,
			estimates: figures.clusters.filter((c) => c.membersEstimate || c.uniqueEstimate).length
		});
		for (const cluster of figures.clusters) {
			(cells[cluster.slug] ??= {})[publication.regionCode] = {
				status: cluster.status,
				present: cluster.present,
				members: cluster.members,
				membersEstimate: cluster.membersEstimate,
				uniqueCompanies: cluster.uniqueCompanies,
				uniqueEstimate: cluster.uniqueEstimate,
				agreements: cluster.agreements
			};
			for (const code of cluster.municipalities.presence)
				(municipalities[code] ??= { presence: 0, agreements: 0 }).presence += 1;
			for (const code of cluster.municipalities.agreements)
				(municipalities[code] ??= { presence: 0, agreements: 0 }).agreements += 1;
		}
	}
	return { regions, cells, municipalities };
}
