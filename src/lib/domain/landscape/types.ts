/**
 * The cluster landscape as the domain sees it: plain data, no database types. Services map rows
 * into these; pages, API, CLI and decks render what the domain functions return.
 */
export const metrics = [
	'employees',
	'members',
	'board_size',
	'chair_from_business',
	'funding_public_grant',
	'funding_membership_fees',
	'funding_project_income',
	'funding_other',
	'funding_total',
	'project_portfolio',
	'equity',
	'participants'
] as const;
export type Metric = (typeof metrics)[number];

export const units = ['count', 'dkk', 'share', 'boolean'] as const;
export type Unit = (typeof units)[number];
export const qualifiers = ['exact', 'approx', 'at-least'] as const;
export type Qualifier = (typeof qualifiers)[number];
export const sourceKinds = ['url', 'survey', 'user', 'reference'] as const;
export type SourceKind = (typeof sourceKinds)[number];
export const maturityStages = ['emerging', 'developing', 'mature'] as const;
export type Stage = (typeof maturityStages)[number];
export const clusterStatuses = ['active', 'closed'] as const;
export type ClusterStatus = (typeof clusterStatuses)[number];
/** designated / granted: confirmed; uncertain: the sources conflict. */
export const membershipStatuses = ['designated', 'granted', 'uncertain'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

/** The units a metric may be recorded in; the first is the default. */
export const metricUnits: Record<Metric, Unit[]> = {
	employees: ['count'],
	members: ['count'],
	board_size: ['count'],
	chair_from_business: ['boolean'],
	funding_public_grant: ['dkk', 'share'],
	funding_membership_fees: ['dkk', 'share'],
	funding_project_income: ['dkk', 'share'],
	funding_other: ['dkk', 'share'],
	funding_total: ['dkk'],
	project_portfolio: ['dkk'],
	equity: ['dkk'],
	participants: ['count']
};

export const fundingComponents = [
	'funding_public_grant',
	'funding_membership_fees',
	'funding_project_income',
	'funding_other'
] as const satisfies readonly Metric[];

/** One figure with where it came from: what every number shown must carry. */
export interface Figure {
	id: number;
	metric: Metric;
	year: number | null;
	value: number;
	unit: Unit;
	qualifier: Qualifier;
	isEstimate: boolean;
	sourceKind: SourceKind;
	sourceUrl: string | null;
	sourceLabel: string | null;
	note: string | null;
	updatedAt: string;
}

export interface Office {
	id: number;
	label: string;
	municipalityCode: string | null;
	municipalityName: string | null;
	regionCode: string | null;
	isHq: boolean;
	fromYear: number | null;
}

export interface ProgrammeMembership {
	programmeCode: string;
	status: MembershipStatus;
	note: string | null;
	source: string | null;
}

export interface StageOverride {
	stage: Stage;
	reason: string;
	decidedByLabel: string;
	decidedAt: string;
}

export interface Cluster {
	id: number;
	slug: string;
	name: string;
	shortName: string;
	area: string;
	emerging: boolean | null;
	emergingUncertain: boolean;
	emergingNote: string | null;
	status: ClusterStatus;
	closedYear: number | null;
	statusNote: string | null;
	website: string | null;
	organisationForm: string | null;
	formed: string | null;
	focus: string | null;
	notes: string | null;
	sources: string[];
	origin: 'reference' | 'user';
	edited: boolean;
	version: number;
	updatedAt: string;
	programmes: ProgrammeMembership[];
	offices: Office[];
	figures: Figure[];
	activities: string[];
	stageOverride: StageOverride | null;
}

export interface Programme {
	code: string;
	name: string;
	fromYear: number;
	toYear: number;
	designatedCount: number;
	/** Clusters in the programme per year when it changed (14 in 2021, 13 from 2022). */
	countsByYear?: Record<string, number>;
}

/** What a programme keeps beside its columns: the reference file's other fields and the counts. */
export type ProgrammeDetails = Record<string, unknown> & Pick<Programme, 'countsByYear'>;
