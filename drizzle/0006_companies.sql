CREATE TABLE "companies" (
	"cvr" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"municipality_code" text,
	"postal_code" text,
	"employee_band" text,
	"industry_code" text,
	"ad_protected" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "company_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"cluster_id" integer,
	"year" integer,
	"filename" text NOT NULL,
	"rows_read" integer NOT NULL,
	"rows_accepted" integer NOT NULL,
	"rows_for_review" integer DEFAULT 0 NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_list_rows" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "company_list_rows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"import_id" integer NOT NULL,
	"cluster_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"cvr" text NOT NULL,
	"pnr" text,
	"activity" text,
	"on_date" date
);
--> statement-breakpoint
CREATE TABLE "company_review_rows" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "company_review_rows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"import_id" integer NOT NULL,
	"line" integer NOT NULL,
	"name" text NOT NULL,
	"municipality_code" text,
	"given_cvr" text,
	"suggested_cvr" text,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by_label" text
);
--> statement-breakpoint
CREATE TABLE "production_units" (
	"pnr" text PRIMARY KEY NOT NULL,
	"cvr" text NOT NULL,
	"municipality_code" text
);
--> statement-breakpoint
ALTER TABLE "company_imports" ADD CONSTRAINT "company_imports_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_list_rows" ADD CONSTRAINT "company_list_rows_import_id_company_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."company_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_list_rows" ADD CONSTRAINT "company_list_rows_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_review_rows" ADD CONSTRAINT "company_review_rows_import_id_company_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."company_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_name_key_idx" ON "companies" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "company_list_rows_scope_idx" ON "company_list_rows" USING btree ("cluster_id","year","kind");--> statement-breakpoint
CREATE INDEX "company_list_rows_cvr_idx" ON "company_list_rows" USING btree ("cvr");--> statement-breakpoint
CREATE INDEX "company_review_rows_import_idx" ON "company_review_rows" USING btree ("import_id","status");--> statement-breakpoint
CREATE INDEX "production_units_cvr_idx" ON "production_units" USING btree ("cvr");