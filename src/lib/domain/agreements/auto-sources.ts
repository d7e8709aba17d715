/**
 * Automatic KPI sources: figures the platform already has, read as measurements so nobody types
 * them twice. Each completed survey answer of the agreement's cluster in the agreement's region
 * gives one measurement, dated when it was submitted (else the round's last day), flagged as an
 * estimate when the cluster said so, and carrying the round as its provenance.
 *
 * | source | value |
 * |---|---|
 * | survey-members | company members in the region |
 * | survey-unique-companies | unique companies in activities since the round's start year |
 * | survey-participants | participants in activities since the round's start year |
 * | survey-activities | activity types the cluster runs in the region |
 * | survey-covered-presence | the agreement's municipalities where the cluster is present |
 */
import type { Answers } from '../survey/answers';
import type { IsoDate } from './dates';
import type { Measurement } from './kpi';

export const autoSources = [
	'survey-members',
	'survey-unique-companies',
	'survey-participants',
	'survey-activities',
	'survey-covered-presence'
] as const;
export type AutoSource = (typeof autoSources)[number];

export function isAutoSource(source: string): source is AutoSource {
	return (autoSources as readonly string[]).includes(source);
}

export interface SurveyAnswerOfRound {
	roundId: number;
	roundTitle: string;
	roundYear: number;
	submittedOn: IsoDate | null;
	answers: Answers;
}

function valueOf(
	source: AutoSource,
	answers: Answers,
	covered: string[]
): { value: number; estimate: boolean } | null {
	if (answers.activeInRegion === false) return { value: 0, estimate: false };
	switch (source) {
		case 'survey-members':
			return answers.members?.total == null
				? null
				: { value: answers.members.total, estimate: answers.members.estimate };
		case 'survey-unique-companies':
			return answers.uniqueCompanies?.count == null
				? null
				: { value: answers.uniqueCompanies.count, estimate: answers.uniqueCompanies.estimate };
		case 'survey-participants':
			return answers.participants?.count == null
				? null
				: { value: answers.participants.count, estimate: answers.participants.estimate };
		case 'survey-activities':
			return answers.activities
				? { value: answers.activities.codes.length, estimate: false }
				: null;
		case 'survey-covered-presence':
			return answers.presence
				? {
						value: answers.presence.municipalities.filter((code) => covered.includes(code)).length,
						estimate: false
					}
				: null;
	}
}

/** The measurements an automatic source gives, oldest first; answers without the figure give none. */
export function autoMeasurements(
	source: AutoSource,
	answers: SurveyAnswerOfRound[],
	coveredMunicipalities: string[]
): Measurement[] {
	return answers
		.flatMap((a) => {
			const v = valueOf(source, a.answers, coveredMunicipalities);
			if (!v) return [];
			return [
				{
					measuredOn: a.submittedOn ?? `${a.roundYear}-12-31`,
					value: v.value,
					isEstimate: v.estimate,
					comment: null,
					provenance: { kind: 'survey' as const, roundId: a.roundId, roundTitle: a.roundTitle }
				}
			];
		})
		.sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
}
