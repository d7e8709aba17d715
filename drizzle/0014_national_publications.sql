CREATE TABLE "national_publications" (
	"round_id" integer PRIMARY KEY NOT NULL,
	"publisher_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"figures" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "national_publications" ADD CONSTRAINT "national_publications_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_publications" ADD CONSTRAINT "national_publications_publisher_id_organisations_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Tables made by later migrations get the default privileges of 0013; said here too, in case
-- the migrating role differs.
GRANT SELECT, INSERT, UPDATE, DELETE ON "national_publications" TO klyngeradar_app;
