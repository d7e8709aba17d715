/**
 * Builds a cluster's fit evidence from its landscape profile and its answer in the region's
 * latest survey round. Pure: the service loads the rows, this decides what they mean.
 */
import type { Answers } from '../survey/answers';
import type { Cluster, Stage } from '../landscape/types';
import type { ClusterEvidence } from './score';

/**
 * What each of the survey's regional activity types says about the taxonomy's activity
 * categories (the survey asks in broader terms than the taxonomy).
 */
export const surveyActivityCategories: Record<string, string[]> = {
	'knowledge-matchmaking': ['matchmaking', 'knowledge-dissemination'],
	'rd-applications': ['innovation-projects', 'access-to-finance'],
	'collaboration-projects': ['innovation-projects', 'partnership-formation'],
	internationalisation: ['internationalisation']
};

/**
 * Activity categories a cluster offers: those registered on its profile plus those its survey
 * answer implies; null when neither source says anything.
 */
export function offeredCategories(
	registered: string[],
	surveyCodes: string[] | null
): string[] | null {
	if (registered.length === 0 && surveyCodes === null) return null;
	const fromSurvey = (surveyCodes ?? []).flatMap((code) => surveyActivityCategories[code] ?? []);
	return [...new Set([...registered, ...fromSurvey])];
}

export interface SurveyAnswerInput {
	roundId: number;
	roundTitle: string;
	date: string | null;
	answers: Answers;
}

export function clusterEvidence(
	cluster: Pick<Cluster, 'slug' | 'shortName' | 'name' | 'area' | 'focus' | 'activities'>,
	stage: Stage | null,
	answer: SurveyAnswerInput | null,
	municipalityNames: ReadonlyMap<string, string>
): ClusterEvidence {
	const a = answer?.answers;
	// A cluster that said it is not active in the region has nothing there: present as zeros.
	const inactive = a?.activeInRegion === false;
	const survey =
		answer && a
			? {
					roundId: answer.roundId,
					round: answer.roundTitle,
					date: answer.date,
					ownOffice: a.presence?.ownOffice === true,
					presenceMunicipalities: (a.presence?.municipalities ?? []).map(
						(code) => municipalityNames.get(code) ?? code
					),
					coLocatedWith: a.presence?.coLocatedWith ?? [],
					otherPresence: Boolean(a.presence?.other),
					members: inactive ? 0 : (a.members?.total ?? null),
					under50: inactive ? 0 : (a.members?.under50 ?? null),
					uniqueCompanies: inactive ? 0 : (a.uniqueCompanies?.count ?? null),
					estimate: Boolean(a.members?.estimate || a.uniqueCompanies?.estimate),
					membersEstimate: Boolean(a.members?.estimate),
					partners: a.partners?.actors ?? [],
					agreementParties: a.agreements?.parties ?? [],
					agreementMunicipalities: a.agreements?.municipalities ?? [],
					activityCodes: a.activities?.codes ?? [],
					otherTexts: [a.presence?.other, a.partners?.other, a.agreements?.other].filter(
						(t): t is string => Boolean(t)
					)
				}
			: null;
	return {
		slug: cluster.slug,
		name: cluster.shortName || cluster.name,
		text: [cluster.name, cluster.shortName, cluster.area, cluster.focus ?? ''].join(' '),
		area: cluster.area,
		activities: offeredCategories(
			cluster.activities,
			survey && !inactive ? survey.activityCodes : null
		),
		stage,
		survey
	};
}
