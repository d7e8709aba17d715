/**
 * What a survey round needs to know about its region: the actors that are answer options (from
 * the reference data, so every region works the same way), the municipalities and the activity
 * options. Used to validate answers, build the form, and label findings.
 */
import { ValidationError, type FieldIssue } from '$lib/domain/errors';
import type { AnswerIssue, RegionContext } from '$lib/domain/survey/answers';
import type { Locale } from '$lib/format';
import type { Db } from '../../db/client';
import { listActorsOfRegion, listMunicipalities } from '../../db/queries/reference/geography';
import { messageByKey, m } from '../../i18n';
import { getTaxonomy } from '../landscape';

export interface SurveyLabels {
	actors: Map<string, string>;
	municipalities: Map<string, string>;
	activities: Map<string, string>;
	coLocationActors: { slug: string; name: string }[];
	partnerActors: { slug: string; name: string }[];
	agreementParties: { slug: string; name: string }[];
	municipalityList: { code: string; name: string }[];
	activityList: { code: string; label: string }[];
}

export async function loadRegionSurvey(
	db: Db,
	regionCode: string,
	roundYear: number,
	locale: Locale
): Promise<{ context: RegionContext; labels: SurveyLabels }> {
	const [actors, municipalities, taxonomy] = await Promise.all([
		listActorsOfRegion(db, regionCode),
		listMunicipalities(db),
		getTaxonomy(db)
	]);
	const inRegion = municipalities.filter((mu) => mu.regionCode === regionCode);
	const withRole = (role: string) =>
		actors.filter((a) => a.surveyRoles.includes(role)).map((a) => ({ slug: a.slug, name: a.name }));
	const activityList = taxonomy.regionalSurveyActivities.options
		.filter((o) => o.code !== 'other')
		.map((o) => ({ code: o.code, label: o[locale] }));
	const labels: SurveyLabels = {
		actors: new Map(actors.map((a) => [a.slug, a.name])),
		municipalities: new Map(inRegion.map((mu) => [mu.code, mu.name])),
		activities: new Map(activityList.map((a) => [a.code, a.label])),
		coLocationActors: withRole('presence-co-location'),
		partnerActors: withRole('partners'),
		agreementParties: withRole('agreement-parties'),
		municipalityList: inRegion.map((mu) => ({ code: mu.code, name: mu.name })),
		activityList
	};
	return {
		labels,
		context: {
			regionCode,
			roundYear,
			municipalities: new Set(inRegion.map((mu) => mu.code)),
			coLocationActors: new Set(labels.coLocationActors.map((a) => a.slug)),
			partnerActors: new Set(labels.partnerActors.map((a) => a.slug)),
			agreementParties: new Set(labels.agreementParties.map((a) => a.slug)),
			activityCodes: new Set(activityList.map((a) => a.code))
		}
	};
}

/** Answer issues in the caller's language. */
export function localiseAnswerIssues(
	issues: AnswerIssue[],
	locale: Locale,
	prefix: (string | number)[] = []
): FieldIssue[] {
	return issues.map((issue) => ({
		path: [...prefix, ...issue.path],
		message: messageByKey(issue.key, issue.params, locale) ?? issue.key
	}));
}

export function answerValidationError(issues: FieldIssue[], locale: Locale): ValidationError {
	return new ValidationError(m.validation_failed({}, { locale }), issues);
}
