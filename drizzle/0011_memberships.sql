CREATE TABLE "memberships" (
	"user_id" uuid NOT NULL,
	"organisation_id" integer DEFAULT app_organisation() NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_organisation_id_pk" PRIMARY KEY("user_id","organisation_id"),
	CONSTRAINT "memberships_role_check" CHECK ("memberships"."role" in ('admin', 'analyst', 'viewer'))
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_check";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "platform_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every user keeps their role, now as a member of the installation's one organisation; its
-- admins also become platform admins, who create further organisations.
INSERT INTO "memberships" ("user_id", "organisation_id", "role")
SELECT "id", (SELECT min("id") FROM "organisations"), "role" FROM "users";
--> statement-breakpoint
UPDATE "users" SET "platform_admin" = true WHERE "role" = 'admin';
