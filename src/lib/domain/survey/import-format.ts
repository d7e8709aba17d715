/**
 * The file format for survey answers collected by e-mail or in a meeting, and for exports:
 * `klyngeradar/survey-responses@1`. Documented as a JSON Schema in docs/formats/.
 */
import { z } from 'zod';
import { AnswersSchema, checkAnswers, type AnswerIssue, type RegionContext } from './answers';

export const SURVEY_FORMAT = 'klyngeradar/survey-responses@1';

const slug = z.string().regex(/^[a-z0-9-]+$/);

export const SurveyFileSchema = z
	.object({
		format: z.literal(SURVEY_FORMAT),
		round: z
			.object({
				regionCode: z.string().regex(/^108[1-5]$/),
				year: z.number().int().min(2000).max(2100),
				title: z.string().trim().min(1).max(200),
				sinceYear: z.number().int().min(2000).max(2100).optional()
			})
			.strict(),
		invited: z.array(slug).min(1).max(500),
		responses: z
			.array(
				z
					.object({
						cluster: slug,
						status: z.enum(['completed', 'partial']),
						answers: AnswersSchema
					})
					.strict()
			)
			.max(500)
	})
	.strict()
	.meta({
		id: 'SurveyResponsesFile',
		title: 'Klyngeradar survey responses',
		description:
			'A survey round with the invited clusters and their answers. Cluster, actor and activity values are the reference ids; municipality codes are 3-digit strings; null means not answered; an inactive cluster answers only {"activeInRegion": false}.'
	});
export type SurveyFile = z.infer<typeof SurveyFileSchema>;

export interface ImportIssue extends AnswerIssue {
	/** The cluster the issue is about, when it is about one. */
	cluster?: string;
}

/**
 * Checks what the schema cannot: clusters must exist and be invited, each at most once, and every
 * response must follow the answer rules of the round's region (completed ones fully).
 */
export function checkSurveyFile(
	file: SurveyFile,
	knownClusters: ReadonlySet<string>,
	context: RegionContext
): ImportIssue[] {
	const issues: ImportIssue[] = [];
	const seenInvited = new Set<string>();
	file.invited.forEach((cluster, index) => {
		if (!knownClusters.has(cluster))
			issues.push({
				path: ['invited', index],
				key: 'import_unknown_cluster',
				params: { cluster },
				cluster
			});
		if (seenInvited.has(cluster))
			issues.push({
				path: ['invited', index],
				key: 'import_duplicate_cluster',
				params: { cluster },
				cluster
			});
		seenInvited.add(cluster);
	});
	if (file.round.sinceYear !== undefined && file.round.sinceYear > file.round.year) {
		issues.push({ path: ['round', 'sinceYear'], key: 'survey_since_after_year', params: {} });
	}
	const seenResponses = new Set<string>();
	file.responses.forEach((response, index) => {
		const at = ['responses', index];
		const cluster = response.cluster;
		if (!knownClusters.has(cluster))
			issues.push({
				path: [...at, 'cluster'],
				key: 'import_unknown_cluster',
				params: { cluster },
				cluster
			});
		else if (!seenInvited.has(cluster))
			issues.push({
				path: [...at, 'cluster'],
				key: 'import_not_invited',
				params: { cluster },
				cluster
			});
		if (seenResponses.has(cluster))
			issues.push({
				path: [...at, 'cluster'],
				key: 'import_duplicate_cluster',
				params: { cluster },
				cluster
			});
		seenResponses.add(cluster);
		for (const issue of checkAnswers(response.answers, context, {
			complete: response.status === 'completed'
		})) {
			issues.push({ ...issue, path: [...at, 'answers', ...issue.path], cluster });
		}
	});
	return issues;
}
