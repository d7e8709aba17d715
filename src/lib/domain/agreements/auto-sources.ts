/**
 * Automatic KPI sources: figures the platform already has, read as measurements so nobody types
 * them twice. Each completed survey answer of the agreement's cluster in the agreement's region
 * gives one measurement, dated when it was submitted (else the round's last day), flagged as an
 * estimate when the cluster said so, and carrying the round as its provenance. The register source
 * gives one measurement per year with lists for the cluster, carrying the year's lists and their
 * newest import date as its provenance.
 *
 * | source | value | from |
 * |---|---|---|
 * | survey-members | company members in the region | survey |
 * | survey-unique-companies | unique companies in activities since the round's start year | survey |
 * | survey-participants | participants in activities since the round's start year | survey |
 * | survey-activities | activity types the cluster runs in the region | survey |
 * | survey-covered-presence | the agreement's municipalities where the cluster is present | survey |
 * | register-unique-companies | unique companies (by CVR) in the cluster's member and participant lists for a year, in the agreement's municipalities (the region when it names none) | company register (import) |
 */
import type { Answers } from '../survey/answers';
import type { IsoDate } from './dates';
import type { Measurement } from './kpi';

export const autoSources = [
	'survey-members',
	'survey-unique-companies',
	'survey-participants',
	'survey-activities',
	'survey-covered-presence',
	'register-unique-companies'
] as const;
export type AutoSource = (typeof autoSources)[number];
type SurveySource = Exclude<AutoSource, 'register-unique-companies'>;

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

/** One year of a cluster's lists in the register, counted for the agreement's area. */
export interface RegisterYear {
	year: number;
	uniqueCompanies: number;
	/** When the newest of the year's lists was imported. */
	importedOn: IsoDate;
	lists: { kind: 'members' | 'participants'; filename: string }[];
}

function valueOf(
	source: SurveySource,
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

/**
 * One measurement per year of lists. A year's lists measure that year, so they are dated at its
 * end – or at the import when that came earlier (a list for the running year counts the year so
 * far, and must not sit in the future).
 */
function registerMeasurements(years: RegisterYear[]): Measurement[] {
	return years
		.map((y) => {
			const yearEnd = `${y.year}-12-31`;
			return {
				measuredOn: y.importedOn < yearEnd ? y.importedOn : yearEnd,
				value: y.uniqueCompanies,
				isEstimate: false,
				comment: null,
				provenance: {
					kind: 'import' as const,
					year: y.year,
					importedOn: y.importedOn,
					lists: y.lists
				}
			};
		})
		.sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
}

/**
 * The measurements an automatic source gives, oldest first; answers without the figure give none,
 * and the register source reads only `register`.
 */
export function autoMeasurements(
	source: AutoSource,
	answers: SurveyAnswerOfRound[],
	coveredMunicipalities: string[],
	register: RegisterYear[] = []
): Measurement[] {
	if (source === 'register-unique-companies') return registerMeasurements(register);
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
