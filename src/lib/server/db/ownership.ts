/**
 * Every table's place in a shared installation, in one list. Owned data belongs to one
 * organisation and carries `organisation_id`: its rows are the organisation's own work and no
 * other organisation sees them. Shared data (the landscape, the reference data, the public
 * company register) is the same for every organisation. Platform tables hold the accounts and
 * the organisations themselves. A test holds every table of the schema to this list.
 */
export type TableClass = 'owned' | 'shared' | 'platform';

export const tableClasses = {
	// Accounts and organisations.
	organisations: 'platform',
	memberships: 'platform',
	users: 'platform',
	sessions: 'platform',
	api_tokens: 'owned',
	user_invitations: 'owned',
	audit_log: 'owned',
	// The landscape and the reference data.
	clusters: 'shared',
	cluster_programmes: 'shared',
	cluster_offices: 'shared',
	cluster_figures: 'shared',
	cluster_activities: 'shared',
	cluster_stage_overrides: 'shared',
	programmes: 'shared',
	regions: 'shared',
	municipalities: 'shared',
	actors: 'shared',
	reference_documents: 'shared',
	// The survey.
	survey_rounds: 'owned',
	survey_versions: 'owned',
	survey_invitations: 'owned',
	survey_invitation_tokens: 'owned',
	survey_responses: 'owned',
	outbox_messages: 'owned',
	interviews: 'owned',
	interview_quotes: 'owned',
	// What each organisation chose to publish to the national view: aggregates, for everyone.
	national_publications: 'shared',
	// Strategy, fit and recommendations; the model catalogue's defaults are shared.
	strategies: 'owned',
	strategy_versions: 'owned',
	fit_overrides: 'owned',
	collaboration_models: 'shared',
	recommendation_decisions: 'owned',
	// Agreements.
	agreements: 'owned',
	agreement_budget_lines: 'owned',
	agreement_documents: 'owned',
	agreement_goals: 'owned',
	kpis: 'owned',
	kpi_measurements: 'owned',
	agreement_reviews: 'owned',
	follow_up_reminders: 'owned',
	// Meetings.
	meetings: 'owned',
	meeting_snapshots: 'owned',
	meeting_questions: 'owned',
	meeting_outcomes: 'owned',
	// The company register: the CVR extract is public and shared; the clusters' lists an
	// organisation uploads, and what is counted from them, are its own.
	companies: 'shared',
	production_units: 'shared',
	company_imports: 'owned',
	company_list_rows: 'owned',
	company_review_rows: 'owned',
	company_stats_cache: 'owned',
	company_presence: 'owned'
} as const satisfies Record<string, TableClass>;

export type TableName = keyof typeof tableClasses;

export const ownedTables = (Object.keys(tableClasses) as TableName[]).filter(
	(table) => tableClasses[table] === 'owned'
);

/**
 * Owned tables whose `organisation_id` has no foreign key, and why: the company register's two
 * fact tables are written by COPY at a million rows a national list, and were built without
 * keys for that. Their writers name the organisation in every row; row-level security holds
 * them like every owned table.
 */
export const ownedWithoutForeignKey: Partial<Record<TableName, string>> = {
	company_list_rows: 'a million rows by COPY; the organisation is the import’s',
	company_presence: 'recomputed from the list rows, whose organisation it keeps'
};
