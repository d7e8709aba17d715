/** What a company file holds: a register extract, or a cluster's member or participant list. */
export const companyImportKinds = ['register', 'members', 'participants'] as const;
export type CompanyImportKind = (typeof companyImportKinds)[number];

/** The kinds that are one cluster's list for a year. */
export const companyListKinds = [
	'members',
	'participants'
] as const satisfies readonly CompanyImportKind[];
export type CompanyListKind = (typeof companyListKinds)[number];
