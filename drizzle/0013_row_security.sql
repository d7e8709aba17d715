-- Each organisation keeps its own strategy per region and its own register counts.
ALTER TABLE "strategies" DROP CONSTRAINT "strategies_region_code_unique";--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_organisation_region" UNIQUE("organisation_id","region_code");--> statement-breakpoint
ALTER TABLE "company_stats_cache" DROP CONSTRAINT "company_stats_cache_region_code_key_pk";--> statement-breakpoint
ALTER TABLE "company_stats_cache" ADD CONSTRAINT "company_stats_cache_organisation_id_region_code_key_pk" PRIMARY KEY("organisation_id","region_code","key");--> statement-breakpoint
-- Where a user's next sign-in lands: the organisation they acted in last.
ALTER TABLE "users" ADD COLUMN "last_organisation_id" integer;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_last_organisation_id_organisations_id_fk" FOREIGN KEY ("last_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A browser session acts in one organisation: the one chosen at sign-in or in the header.
ALTER TABLE "sessions" ADD COLUMN "organisation_id" integer DEFAULT app_organisation() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The register's fact tables take the organisation of their import (list rows) and of the
-- lists they are counted from (presence); filled before the default so that it is not
-- evaluated once per row of a national list.
ALTER TABLE "company_list_rows" ADD COLUMN "organisation_id" integer;--> statement-breakpoint
UPDATE "company_list_rows" r SET "organisation_id" = i."organisation_id"
FROM "company_imports" i WHERE i."id" = r."import_id";--> statement-breakpoint
UPDATE "company_list_rows" SET "organisation_id" = (SELECT app_organisation()) WHERE "organisation_id" IS NULL;--> statement-breakpoint
ALTER TABLE "company_list_rows" ALTER COLUMN "organisation_id" SET DEFAULT app_organisation();--> statement-breakpoint
ALTER TABLE "company_list_rows" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "company_presence" ADD COLUMN "organisation_id" integer;--> statement-breakpoint
UPDATE "company_presence" SET "organisation_id" = (SELECT app_organisation());--> statement-breakpoint
ALTER TABLE "company_presence" ALTER COLUMN "organisation_id" SET DEFAULT app_organisation();--> statement-breakpoint
ALTER TABLE "company_presence" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
-- The organisation a statement may see: the transaction's app.organisation_id, or the
-- installation's only organisation; with several and none in scope, none (so a query that
-- runs outside a scope finds nothing rather than everything). Row-level security and the
-- queries' own filter both ask here, as an InitPlan: once per statement, not once per row.
CREATE FUNCTION app_scope() RETURNS integer LANGUAGE plpgsql STABLE AS $$
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
	RETURN NULL;
END
$$;--> statement-breakpoint
-- The role the app acts as inside an organisation's transaction (set_config('role', ...)):
-- it owns no table, so row-level security holds for it, and it cannot bypass it. Roles belong
-- to the whole server, so a second database on the same server finds it there already.
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'klyngeradar_app') THEN
		BEGIN
			CREATE ROLE klyngeradar_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
		EXCEPTION WHEN duplicate_object OR unique_violation THEN
			NULL;
		END;
	END IF;
	IF NOT pg_has_role(current_user, 'klyngeradar_app', 'MEMBER') THEN
		EXECUTE format('GRANT klyngeradar_app TO %I', current_user);
	END IF;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO klyngeradar_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO klyngeradar_app;--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO klyngeradar_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO klyngeradar_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO klyngeradar_app;--> statement-breakpoint
-- Every owned table (db/ownership.ts) shows and takes only the rows of the organisation in scope.
ALTER TABLE "api_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "api_tokens" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "user_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "user_invitations" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "audit_log" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "survey_rounds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "survey_rounds" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "survey_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "survey_versions" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "survey_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "survey_invitations" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "survey_invitation_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "survey_invitation_tokens" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "survey_responses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "survey_responses" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "outbox_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "outbox_messages" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "interviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "interviews" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "interview_quotes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "interview_quotes" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "strategies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "strategies" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "strategy_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "strategy_versions" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "fit_overrides" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "fit_overrides" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "recommendation_decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "recommendation_decisions" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "agreements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "agreements" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "agreement_budget_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "agreement_budget_lines" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "agreement_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "agreement_documents" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "agreement_goals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "agreement_goals" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "kpis" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "kpis" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "kpi_measurements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "kpi_measurements" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "agreement_reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "agreement_reviews" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "follow_up_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "follow_up_reminders" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "meetings" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "meeting_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "meeting_snapshots" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "meeting_questions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "meeting_questions" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "meeting_outcomes" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "company_imports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "company_imports" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "company_list_rows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "company_list_rows" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "company_review_rows" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "company_review_rows" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "company_stats_cache" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "company_stats_cache" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));--> statement-breakpoint
ALTER TABLE "company_presence" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation_scope" ON "company_presence" USING ("organisation_id" = (SELECT app_scope())) WITH CHECK ("organisation_id" = (SELECT app_scope()));
