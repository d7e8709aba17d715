CREATE TABLE "organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code"),
	CONSTRAINT "organisations_code_check" CHECK ("organisations"."code" ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
	CONSTRAINT "organisations_region_check" CHECK (("organisations"."kind" = 'regional') = ("organisations"."region_code" is not null) and ("organisations"."region_code" is null or "organisations"."region_code" ~ '^108[1-5]$'))
);
--> statement-breakpoint
-- The organisation an owned row belongs to when the writer names none: the transaction's
-- app.organisation_id, else the installation's only organisation. With several organisations
-- and none in scope the write is refused, so no row lands in an organisation by guess.
CREATE FUNCTION app_organisation() RETURNS integer LANGUAGE plpgsql STABLE AS $$
DECLARE
	scoped text := current_setting('app.organisation_id', true);
	organisations_count integer;
	only_id integer;
BEGIN
	IF scoped IS NOT NULL AND scoped <> '' THEN
		RETURN scoped::integer;
	END IF;
	SELECT count(*), min("id") INTO organisations_count, only_id FROM "organisations";
	IF organisations_count = 1 THEN
		RETURN only_id;
	END IF;
	RAISE EXCEPTION 'no organisation in scope for this write (app.organisation_id is not set)'
		USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
-- An installation upgraded in place becomes one organisation: the regional body of the region
-- its data belongs to (North Jutland for the demo and a fresh install), renamed by its admin.
INSERT INTO "organisations" ("code", "name", "kind", "region_code")
SELECT
	CASE installation.region WHEN '1081' THEN 'brn' ELSE 'region-' || installation.region END,
	CASE installation.region
		WHEN '1081' THEN 'Business Region North Denmark'
		ELSE coalesce(
			(SELECT 'Erhvervsfremmen i ' || "name" FROM "regions" WHERE "code" = installation.region),
			'Erhvervsfremmen i region ' || installation.region
		)
	END,
	'regional',
	installation.region
FROM (
	SELECT coalesce(
		(SELECT "region_code" FROM "survey_rounds" ORDER BY "id" LIMIT 1),
		(SELECT "region_code" FROM "strategies" ORDER BY "id" LIMIT 1),
		(SELECT "region_code" FROM "agreements" ORDER BY "id" LIMIT 1),
		'1081'
	) AS region
) AS installation;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "user_invitations" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "interview_quotes" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "interviews" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_invitation_tokens" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "fit_overrides" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "recommendation_decisions" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "strategies" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_budget_lines" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_goals" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_reviews" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "follow_up_reminders" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_questions" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_snapshots" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "company_imports" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "company_review_rows" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "company_stats_cache" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_quotes" ADD CONSTRAINT "interview_quotes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation_tokens" ADD CONSTRAINT "survey_invitation_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_overrides" ADD CONSTRAINT "fit_overrides_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_decisions" ADD CONSTRAINT "recommendation_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD CONSTRAINT "strategy_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_budget_lines" ADD CONSTRAINT "agreement_budget_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_goals" ADD CONSTRAINT "agreement_goals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_reviews" ADD CONSTRAINT "agreement_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_reminders" ADD CONSTRAINT "follow_up_reminders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_questions" ADD CONSTRAINT "meeting_questions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_snapshots" ADD CONSTRAINT "meeting_snapshots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_imports" ADD CONSTRAINT "company_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_review_rows" ADD CONSTRAINT "company_review_rows_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_stats_cache" ADD CONSTRAINT "company_stats_cache_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;