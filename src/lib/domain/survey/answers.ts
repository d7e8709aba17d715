/**
 * A cluster's answers in a regional survey round: the question model of the source document's
 * survey ("Klyngers engagement i Region Nordjylland"), independent of how the form is drawn.
 * `null` means not answered. The same schema validates the web form, autosaves, the API and
 * import files; rules that need the region (which actors, which municipalities) take a context.
 */
import { z } from 'zod';

const count = z.number().int().min(0).max(10_000_000);
const text = z.string().trim().max(2000);

export const PresenceSchema = z.object({
	ownOffice: z.boolean().nullable(),
	coLocatedWith: z.array(z.string()).max(50),
	other: text.nullable(),
	municipalities: z.array(z.string()).max(98)
});

export const PartnersSchema = z.object({
	actors: z.array(z.string()).max(50),
	other: text.nullable()
});

export const MembersSchema = z.object({
	total: count.nullable(),
	over50: count.nullable(),
	under50: count.nullable(),
	estimate: z.boolean()
});

/** The earliest year a cluster can count its reach from. */
export const earliestSinceYear = 1990;

export const CountSinceSchema = z.object({
	count: count.nullable(),
	sinceYear: z.number().int().min(earliestSinceYear).max(2100).nullable(),
	estimate: z.boolean()
});

export const ActivitiesSchema = z.object({
	codes: z.array(z.string()).max(50),
	other: text.nullable()
});

export const AgreementsSchema = z.object({
	/** Agreement parties: actor slugs, `municipality` and `other`; empty = no agreements. */
	parties: z.array(z.string()).max(50),
	other: text.nullable(),
	municipalities: z.array(z.string()).max(98)
});

export const AnswersSchema = z
	.object({
		activeInRegion: z.boolean().nullable(),
		presence: PresenceSchema.nullable().optional(),
		partners: PartnersSchema.nullable().optional(),
		members: MembersSchema.nullable().optional(),
		uniqueCompanies: CountSinceSchema.nullable().optional(),
		participants: CountSinceSchema.nullable().optional(),
		activities: ActivitiesSchema.nullable().optional(),
		agreements: AgreementsSchema.nullable().optional()
	})
	.strict();
export type Answers = z.infer<typeof AnswersSchema>;

export const questionKeys = [
	'activeInRegion',
	'presence',
	'partners',
	'members',
	'uniqueCompanies',
	'participants',
	'activities',
	'agreements',
	'municipalAgreements'
] as const;
export type QuestionKey = (typeof questionKeys)[number];

/** What the rules need to know about the round's region. */
export interface RegionContext {
	regionCode: string;
	roundYear: number;
	municipalities: ReadonlySet<string>;
	coLocationActors: ReadonlySet<string>;
	partnerActors: ReadonlySet<string>;
	agreementParties: ReadonlySet<string>;
	activityCodes: ReadonlySet<string>;
}

export interface AnswerIssue {
	path: (string | number)[];
	/** A message key with parameters, so each caller can say it in its language. */
	key: string;
	params: Record<string, string | number>;
}

type Path = (string | number)[];

/** Values not among the allowed ones, as one issue naming them. */
function unknownValues(
	issues: AnswerIssue[],
	path: Path,
	values: string[],
	allowed: ReadonlySet<string>,
	key: string
): void {
	const bad = values.filter((value) => !allowed.has(value));
	if (bad.length > 0) issues.push({ path, key, params: { values: bad.join(', ') } });
}

function duplicates(issues: AnswerIssue[], path: Path, values: string[]): void {
	if (new Set(values).size !== values.length)
		issues.push({ path, key: 'survey_duplicate_choice', params: {} });
}

/** A cluster not active in the region answers nothing beyond that (and its municipal ties). */
function inactiveIssues(answers: Answers): AnswerIssue[] {
	return questionKeys
		.filter(
			(key) =>
				key !== 'activeInRegion' &&
				key !== 'municipalAgreements' &&
				answers[key as keyof Answers] != null
		)
		.map((key) => ({ path: [key], key: 'survey_inactive_has_answers', params: {} }));
}

function checkChoices(issues: AnswerIssue[], answers: Answers, context: RegionContext): void {
	const { presence, partners } = answers;
	if (presence) {
		unknownValues(
			issues,
			['presence', 'coLocatedWith'],
			presence.coLocatedWith,
			context.coLocationActors,
			'survey_unknown_actor'
		);
		unknownValues(
			issues,
			['presence', 'municipalities'],
			presence.municipalities,
			context.municipalities,
			'survey_municipality_outside_region'
		);
		duplicates(issues, ['presence', 'municipalities'], presence.municipalities);
	}
	if (partners)
		unknownValues(
			issues,
			['partners', 'actors'],
			partners.actors,
			context.partnerActors,
			'survey_unknown_actor'
		);
}

/** The size split adds up to the total, no part exceeds it, no "since" lies after the round. */
function checkFigures(issues: AnswerIssue[], answers: Answers, context: RegionContext): void {
	const { members, uniqueCompanies, participants } = answers;
	if (members && members.total !== null && members.over50 !== null && members.under50 !== null) {
		if (members.over50 + members.under50 !== members.total) {
			issues.push({
				path: ['members', 'total'],
				key: 'survey_members_sum',
				params: { total: members.total, over50: members.over50, under50: members.under50 }
			});
		}
	}
	if (members && members.total !== null) {
		for (const part of ['over50', 'under50'] as const) {
			const value = members[part];
			if (value !== null && value > members.total) {
				issues.push({
					path: ['members', part],
					key: 'survey_members_part_too_big',
					params: { total: members.total }
				});
			}
		}
	}
	for (const [key, value] of [
		['uniqueCompanies', uniqueCompanies],
		['participants', participants]
	] as const) {
		if (value?.sinceYear != null && value.sinceYear > context.roundYear) {
			issues.push({
				path: [key, 'sinceYear'],
				key: 'survey_since_after_round',
				params: { year: context.roundYear }
			});
		}
	}
}

function checkAgreements(issues: AnswerIssue[], answers: Answers, context: RegionContext): void {
	const { activities, agreements } = answers;
	if (activities)
		unknownValues(
			issues,
			['activities', 'codes'],
			activities.codes,
			context.activityCodes,
			'survey_unknown_activity'
		);
	if (!agreements) return;
	const allowedParties = new Set([...context.agreementParties, 'municipality', 'other']);
	unknownValues(
		issues,
		['agreements', 'parties'],
		agreements.parties,
		allowedParties,
		'survey_unknown_party'
	);
	duplicates(issues, ['agreements', 'parties'], agreements.parties);
	unknownValues(
		issues,
		['agreements', 'municipalities'],
		agreements.municipalities,
		context.municipalities,
		'survey_municipality_outside_region'
	);
	duplicates(issues, ['agreements', 'municipalities'], agreements.municipalities);
	if (agreements.municipalities.length > 0 && !agreements.parties.includes('municipality')) {
		issues.push({
			path: ['agreements', 'parties'],
			key: 'survey_municipalities_without_party',
			params: {}
		});
	}
	if (agreements.parties.includes('other') && !agreements.other) {
		issues.push({ path: ['agreements', 'other'], key: 'survey_other_missing', params: {} });
	}
}

/** A submitted answer set: every question the form requires of an active cluster is answered. */
function checkComplete(issues: AnswerIssue[], answers: Answers): void {
	if (answers.activeInRegion === null)
		issues.push({ path: ['activeInRegion'], key: 'validation_required', params: {} });
	if (answers.activeInRegion !== true) return;
	for (const key of [
		'presence',
		'partners',
		'members',
		'uniqueCompanies',
		'participants',
		'activities',
		'agreements'
	] as const) {
		if (answers[key] == null)
			issues.push({ path: [key], key: 'survey_question_unanswered', params: {} });
	}
	const { members, agreements } = answers;
	if (members && members.total === null)
		issues.push({ path: ['members', 'total'], key: 'validation_required', params: {} });
	if (agreements?.parties.includes('municipality') && agreements.municipalities.length === 0) {
		issues.push({
			path: ['agreements', 'municipalities'],
			key: 'survey_municipalities_missing',
			params: {}
		});
	}
}

/**
 * The rules beyond shape: options must exist in the region, municipalities must lie in it, the
 * size split must add up, years must not be in the future. With `complete`, an active cluster
 * must have answered every question (the form's required questions).
 */
export function checkAnswers(
	answers: Answers,
	context: RegionContext,
	options: { complete: boolean }
): AnswerIssue[] {
	if (answers.activeInRegion === false) return inactiveIssues(answers);
	const issues: AnswerIssue[] = [];
	checkChoices(issues, answers, context);
	checkFigures(issues, answers, context);
	checkAgreements(issues, answers, context);
	if (options.complete) checkComplete(issues, answers);
	return issues;
}

/** An empty answer set: nothing answered yet. */
export function emptyAnswers(): Answers {
	return { activeInRegion: null };
}

/** Whether a cluster is physically present: own office, co-location or another named presence. */
export function isPresent(presence: Answers['presence']): boolean {
	if (!presence) return false;
	return (
		presence.ownOffice === true || presence.coLocatedWith.length > 0 || Boolean(presence.other)
	);
}
