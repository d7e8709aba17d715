/**
 * The survey findings, counted in SQL over the JSON answers of completed responses. Counts are
 * numbers of clusters; sums say how many clusters reported a number and how many of those were
 * estimates. Only active, completed responses count towards the answers; partial ones are counted
 * separately.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../client';
import { queryRows } from '../../rows';
import { scopeSql } from '../../scope';
import type { OtherText } from '../../../../domain/findings/view';
import type { AnswerField, AnswerListField } from '../../../../domain/survey/fields';
import { answerJson, answerText } from './answer-paths';
export type { OtherText };

const count = z.number().int();

const StatusCountsRow = z.object({
	invited: count,
	completed: count,
	partial: count,
	notStarted: count,
	activeInRegion: count,
	inactive: count
});
export type StatusCounts = z.infer<typeof StatusCountsRow>;

export async function statusCounts(db: Db | Tx, roundId: number): Promise<StatusCounts> {
	const [row] = await queryRows(
		db,
		sql`select
			(select count(*) from survey_invitations i
				where i.organisation_id = ${scopeSql} and i.round_id = ${roundId})::int as "invited",
			count(*) filter (where r.status = 'completed')::int as "completed",
			count(*) filter (where r.status = 'partial')::int as "partial",
			count(*) filter (where r.status = 'not_started')::int as "notStarted",
			count(*) filter (where r.status = 'completed' and ${answerText('activeInRegion')} = 'true')::int as "activeInRegion",
			count(*) filter (where r.status = 'completed' and ${answerText('activeInRegion')} = 'false')::int as "inactive"
		from survey_responses r where r.organisation_id = ${scopeSql} and r.round_id = ${roundId}`,
		StatusCountsRow
	);
	if (!row)
		return { invited: 0, completed: 0, partial: 0, notStarted: 0, activeInRegion: 0, inactive: 0 };
	// An invited cluster that never opened its link has no response row: it has not started
	// either (an imported round has rows only for the clusters that answered).
	return {
		...row,
		notStarted: Math.max(row.notStarted, row.invited - row.completed - row.partial)
	};
}

/** Answers of active, completed responses only. */
const counted = sql`r.status = 'completed' and ${answerText('activeInRegion')} = 'true'`;

/** A list answer, or an empty list where the question was not answered. */
const listOrEmpty = (field: AnswerListField) =>
	sql`case when jsonb_typeof(${answerJson(field)}) = 'array' then ${answerJson(field)} else '[]'::jsonb end`;
const len = (field: AnswerListField) =>
	sql`coalesce(jsonb_array_length(case when jsonb_typeof(${answerJson(field)}) = 'array' then ${answerJson(field)} end), 0)`;
const hasText = (field: AnswerField) => sql`coalesce(${answerText(field)}, '') <> ''`;
const answered = (field: AnswerField) => sql`jsonb_typeof(${answerJson(field)}) = 'object'`;
const isTrue = (field: AnswerField) => sql`${answerText(field)} = 'true'`;

const ChoiceCountRow = z.object({ key: z.string(), clusters: count });
export type ChoiceCount = z.infer<typeof ChoiceCountRow>;

/** How many clusters chose each value of a list answer, e.g. `presenceCoLocatedWith`. */
export async function choiceCounts(
	db: Db | Tx,
	roundId: number,
	field: AnswerListField
): Promise<ChoiceCount[]> {
	return queryRows(
		db,
		sql`select v.value as "key", count(distinct r.cluster_id)::int as "clusters"
		from survey_responses r
		cross join lateral jsonb_array_elements_text(${listOrEmpty(field)}) as v(value)
		where r.organisation_id = ${scopeSql} and r.round_id = ${roundId} and ${counted}
		group by v.value
		order by 2 desc, 1`,
		ChoiceCountRow
	);
}

const QuestionCountsRow = z.object({
	presenceAnswered: count,
	present: count,
	ownOffice: count,
	presenceOther: count,
	partnersAnswered: count,
	withPartners: count,
	partnersOther: count,
	activitiesAnswered: count,
	withActivities: count,
	activitiesOther: count,
	agreementsAnswered: count,
	withAgreements: count,
	withoutAgreements: count,
	agreementsOther: count,
	municipalClusters: count,
	municipalAgreements: count,
	municipalMaxPerCluster: count
});
export type QuestionCounts = z.infer<typeof QuestionCountsRow>;

export async function questionCounts(db: Db | Tx, roundId: number): Promise<QuestionCounts> {
	const [row] = await queryRows(
		db,
		sql`select
			count(*) filter (where ${answered('presence')})::int as "presenceAnswered",
			count(*) filter (where ${isTrue('presenceOwnOffice')} or ${len('presenceCoLocatedWith')} > 0 or ${hasText('presenceOther')})::int as "present",
			count(*) filter (where ${isTrue('presenceOwnOffice')})::int as "ownOffice",
			count(*) filter (where ${hasText('presenceOther')})::int as "presenceOther",
			count(*) filter (where ${answered('partners')})::int as "partnersAnswered",
			count(*) filter (where ${len('partnersActors')} > 0 or ${hasText('partnersOther')})::int as "withPartners",
			count(*) filter (where ${hasText('partnersOther')})::int as "partnersOther",
			count(*) filter (where ${answered('activities')})::int as "activitiesAnswered",
			count(*) filter (where ${len('activitiesCodes')} > 0 or ${hasText('activitiesOther')})::int as "withActivities",
			count(*) filter (where ${hasText('activitiesOther')})::int as "activitiesOther",
			count(*) filter (where ${answered('agreements')})::int as "agreementsAnswered",
			count(*) filter (where ${len('agreementsParties')} > 0)::int as "withAgreements",
			count(*) filter (where ${answered('agreements')} and ${len('agreementsParties')} = 0)::int as "withoutAgreements",
			count(*) filter (where ${hasText('agreementsOther')})::int as "agreementsOther",
			count(*) filter (where ${len('agreementsMunicipalities')} > 0)::int as "municipalClusters",
			coalesce(sum(${len('agreementsMunicipalities')}), 0)::int as "municipalAgreements",
			coalesce(max(${len('agreementsMunicipalities')}), 0)::int as "municipalMaxPerCluster"
		from survey_responses r
		where r.organisation_id = ${scopeSql} and r.round_id = ${roundId} and ${counted}`,
		QuestionCountsRow
	);
	if (!row) throw new Error('question counts returned no row');
	return row;
}

export interface SumRow {
	clusters: number;
	sum: number;
	estimates: number;
}

export interface Sums {
	members: SumRow & {
		over50: number;
		under50: number;
		over50Clusters: number;
		under50Clusters: number;
	};
	uniqueCompanies: SumRow & { sinceYears: number[] };
	participants: SumRow & { sinceYears: number[] };
}

/** Sums are bigint, a number on both drivers; a round without answers has no "since" years. */
const years = z.array(z.number().int()).nullable();
const SumsRow = z.object({
	membersClusters: count,
	membersSum: count,
	membersEstimates: count,
	over50: count,
	under50: count,
	over50Clusters: count,
	under50Clusters: count,
	uniqueClusters: count,
	uniqueSum: count,
	uniqueEstimates: count,
	uniqueSince: years,
	participantsClusters: count,
	participantsSum: count,
	participantsEstimates: count,
	participantsSince: years
});
type SumsRow = z.infer<typeof SumsRow>;

export async function sums(db: Db | Tx, roundId: number): Promise<Sums> {
	const [row] = await queryRows(
		db,
		sql`select
			count(*) filter (where ${answerText('membersTotal')} is not null)::int as "membersClusters",
			coalesce(sum((${answerText('membersTotal')})::bigint), 0)::bigint as "membersSum",
			count(*) filter (where ${answerText('membersTotal')} is not null and ${isTrue('membersEstimate')})::int as "membersEstimates",
			coalesce(sum((${answerText('membersOver50')})::bigint), 0)::bigint as "over50",
			coalesce(sum((${answerText('membersUnder50')})::bigint), 0)::bigint as "under50",
			count(*) filter (where ${answerText('membersOver50')} is not null)::int as "over50Clusters",
			count(*) filter (where ${answerText('membersUnder50')} is not null)::int as "under50Clusters",
			count(*) filter (where ${answerText('uniqueCount')} is not null)::int as "uniqueClusters",
			coalesce(sum((${answerText('uniqueCount')})::bigint), 0)::bigint as "uniqueSum",
			count(*) filter (where ${answerText('uniqueCount')} is not null and ${isTrue('uniqueEstimate')})::int as "uniqueEstimates",
			array_remove(array_agg(distinct (${answerText('uniqueSince')})::int), null) as "uniqueSince",
			count(*) filter (where ${answerText('participantsCount')} is not null)::int as "participantsClusters",
			coalesce(sum((${answerText('participantsCount')})::bigint), 0)::bigint as "participantsSum",
			count(*) filter (where ${answerText('participantsCount')} is not null and ${isTrue('participantsEstimate')})::int as "participantsEstimates",
			array_remove(array_agg(distinct (${answerText('participantsSince')})::int), null) as "participantsSince"
		from survey_responses r
		where r.organisation_id = ${scopeSql} and r.round_id = ${roundId} and ${counted}`,
		SumsRow
	);
	type Counts = { [K in keyof SumsRow]: SumsRow[K] extends number ? K : never }[keyof SumsRow];
	const n = (key: Counts) => row?.[key] ?? 0;
	const sinceYears = (key: 'uniqueSince' | 'participantsSince') =>
		[...(row?.[key] ?? [])].sort((a, b) => a - b);
	return {
		members: {
			clusters: n('membersClusters'),
			sum: n('membersSum'),
			estimates: n('membersEstimates'),
			over50: n('over50'),
			under50: n('under50'),
			over50Clusters: n('over50Clusters'),
			under50Clusters: n('under50Clusters')
		},
		uniqueCompanies: {
			clusters: n('uniqueClusters'),
			sum: n('uniqueSum'),
			estimates: n('uniqueEstimates'),
			sinceYears: sinceYears('uniqueSince')
		},
		participants: {
			clusters: n('participantsClusters'),
			sum: n('participantsSum'),
			estimates: n('participantsEstimates'),
			sinceYears: sinceYears('participantsSince')
		}
	};
}

/** The free texts given under "other", for the analysts' view. */
export async function otherTexts(db: Db | Tx, roundId: number): Promise<OtherText[]> {
	return queryRows(
		db,
		sql`select c.slug as "clusterSlug", c.short_name as "clusterName", q.question, q.text
		from survey_responses r
		join clusters c on c.id = r.cluster_id
		cross join lateral (values
			('presence', ${answerText('presenceOther')}),
			('partners', ${answerText('partnersOther')}),
			('activities', ${answerText('activitiesOther')}),
			('agreements', ${answerText('agreementsOther')})
		) as q(question, text)
		where r.organisation_id = ${scopeSql} and r.round_id = ${roundId} and ${counted}
			and coalesce(q.text, '') <> ''
		order by q.question, c.short_name`,
		z.object({
			clusterSlug: z.string(),
			clusterName: z.string(),
			question: z.enum(['presence', 'partners', 'activities', 'agreements']),
			text: z.string()
		})
	);
}
