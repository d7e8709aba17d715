CREATE TABLE "cluster_activities" (
	"cluster_id" integer NOT NULL,
	"category_code" text NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "cluster_activities_cluster_id_category_code_pk" PRIMARY KEY("cluster_id","category_code")
);
--> statement-breakpoint
CREATE TABLE "cluster_figures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cluster_figures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cluster_id" integer NOT NULL,
	"metric" text NOT NULL,
	"year" integer,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"qualifier" text DEFAULT 'exact' NOT NULL,
	"is_estimate" boolean DEFAULT false NOT NULL,
	"source_kind" text NOT NULL,
	"source_url" text,
	"source_label" text,
	"note" text,
	"origin" text NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "cluster_figures_key" UNIQUE NULLS NOT DISTINCT("cluster_id","metric","year"),
	CONSTRAINT "cluster_figures_value_check" CHECK ("cluster_figures"."value" >= 0),
	CONSTRAINT "cluster_figures_share_check" CHECK ("cluster_figures"."unit" <> 'share' or "cluster_figures"."value" <= 1)
);
--> statement-breakpoint
CREATE TABLE "cluster_offices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cluster_offices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cluster_id" integer NOT NULL,
	"label" text NOT NULL,
	"municipality_code" text,
	"is_hq" boolean DEFAULT false NOT NULL,
	"from_year" integer,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_programmes" (
	"cluster_id" integer NOT NULL,
	"programme_code" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"source" text,
	"origin" text NOT NULL,
	CONSTRAINT "cluster_programmes_cluster_id_programme_code_pk" PRIMARY KEY("cluster_id","programme_code")
);
--> statement-breakpoint
CREATE TABLE "cluster_stage_overrides" (
	"cluster_id" integer PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_by_label" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "clusters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"area" text NOT NULL,
	"emerging" boolean,
	"emerging_uncertain" boolean DEFAULT false NOT NULL,
	"emerging_note" text,
	"status" text NOT NULL,
	"closed_year" integer,
	"status_note" text,
	"website" text,
	"organisation_form" text,
	"formed" text,
	"focus" text,
	"notes" text,
	"sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"origin" text NOT NULL,
	"edited" boolean DEFAULT false NOT NULL,
	"offices_edited" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clusters_slug_unique" UNIQUE("slug"),
	CONSTRAINT "clusters_status_check" CHECK ("clusters"."status" in ('active', 'closed')),
	CONSTRAINT "clusters_closed_year_check" CHECK ("clusters"."status" = 'closed' or "clusters"."closed_year" is null)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"designated_count" integer NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"municipality_code" text,
	"note" text,
	"source" text,
	"survey_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"origin" text DEFAULT 'reference' NOT NULL,
	"edited" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"origin" text DEFAULT 'reference' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_documents" (
	"key" text PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_documents_key_check" CHECK ("reference_documents"."key" <> '')
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"origin" text DEFAULT 'reference' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cluster_activities" ADD CONSTRAINT "cluster_activities_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_figures" ADD CONSTRAINT "cluster_figures_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_figures" ADD CONSTRAINT "cluster_figures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_offices" ADD CONSTRAINT "cluster_offices_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_offices" ADD CONSTRAINT "cluster_offices_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_programmes" ADD CONSTRAINT "cluster_programmes_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_stage_overrides" ADD CONSTRAINT "cluster_stage_overrides_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_stage_overrides" ADD CONSTRAINT "cluster_stage_overrides_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_offices_cluster_idx" ON "cluster_offices" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "cluster_offices_municipality_idx" ON "cluster_offices" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "actors_region_idx" ON "actors" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "municipalities_region_idx" ON "municipalities" USING btree ("region_code");