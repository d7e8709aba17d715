/**
 * Every answer field, by the one name the form's data, the form definition and the SQL findings
 * share, with its path in `Answers`. Where a field is a form question the name is the SurveyJS
 * question name, which is why the reach fields read `uniqueCount`, not `uniqueCompaniesCount`:
 * stored form drafts use these names. A path that is not in `Answers`, or a part of `Answers`
 * without a field, does not compile.
 */
import type { Answers } from './answers';

type Plain<T> = T extends readonly unknown[] ? never : T extends object ? T : never;

/** Every path into an object: its sections as well as their leaves. */
type PathOf<T> = {
	[K in keyof T & string]-?:
		| readonly [K]
		| (Plain<NonNullable<T[K]>> extends never
				? never
				: readonly [K, ...PathOf<Plain<NonNullable<T[K]>>>]);
}[keyof T & string];

export type AnswerPath = PathOf<Answers>;

export const answerFields = {
	activeInRegion: ['activeInRegion'],
	presence: ['presence'],
	presenceOwnOffice: ['presence', 'ownOffice'],
	presenceCoLocatedWith: ['presence', 'coLocatedWith'],
	presenceOther: ['presence', 'other'],
	presenceMunicipalities: ['presence', 'municipalities'],
	partners: ['partners'],
	partnersActors: ['partners', 'actors'],
	partnersOther: ['partners', 'other'],
	members: ['members'],
	membersTotal: ['members', 'total'],
	membersOver50: ['members', 'over50'],
	membersUnder50: ['members', 'under50'],
	membersEstimate: ['members', 'estimate'],
	uniqueCompanies: ['uniqueCompanies'],
	uniqueCount: ['uniqueCompanies', 'count'],
	uniqueSince: ['uniqueCompanies', 'sinceYear'],
	uniqueEstimate: ['uniqueCompanies', 'estimate'],
	participants: ['participants'],
	participantsCount: ['participants', 'count'],
	participantsSince: ['participants', 'sinceYear'],
	participantsEstimate: ['participants', 'estimate'],
	activities: ['activities'],
	activitiesCodes: ['activities', 'codes'],
	activitiesOther: ['activities', 'other'],
	agreements: ['agreements'],
	agreementsParties: ['agreements', 'parties'],
	agreementsOther: ['agreements', 'other'],
	agreementsMunicipalities: ['agreements', 'municipalities']
} as const satisfies Record<string, AnswerPath>;

export type AnswerField = keyof typeof answerFields;

type Unnamed = Exclude<AnswerPath, (typeof answerFields)[AnswerField]>;
type Holds<T extends true> = T;
/** Compiles only while every path of `Answers` has a field; otherwise names the missing paths. */
export type EveryAnswerPathNamed = Holds<[Unnamed] extends [never] ? true : Unnamed>;

type ValueAt<T, P> = P extends readonly [infer K, ...infer Rest]
	? K extends keyof NonNullable<T>
		? ValueAt<NonNullable<T>[K], Rest>
		: never
	: T;

/** The fields holding a list of chosen values (actors, codes, municipalities). */
export type AnswerListField = {
	[K in AnswerField]: ValueAt<Answers, (typeof answerFields)[K]> extends readonly string[]
		? K
		: never;
}[AnswerField];
