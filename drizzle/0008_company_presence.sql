CREATE TABLE "company_presence" (
	"cluster_id" integer NOT NULL,
	"year" integer NOT NULL,
	"cvr" text NOT NULL,
	"municipality_code" text NOT NULL,
	"region_code" text NOT NULL,
	"rule" text NOT NULL,
	"size_class" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "company_list_rows" DROP CONSTRAINT "company_list_rows_import_id_company_imports_id_fk";
--> statement-breakpoint
ALTER TABLE "company_list_rows" DROP CONSTRAINT "company_list_rows_cluster_id_clusters_id_fk";
--> statement-breakpoint
DROP INDEX "company_list_rows_cvr_idx";--> statement-breakpoint
CREATE INDEX "company_presence_scope_idx" ON "company_presence" USING btree ("cluster_id","year");--> statement-breakpoint
CREATE INDEX "company_presence_region_idx" ON "company_presence" USING btree ("region_code","year");--> statement-breakpoint
ALTER TABLE "company_list_rows" DROP COLUMN "id";--> statement-breakpoint
-- Lists imported before this table existed get their presence rows now.
INSERT INTO "company_presence" ("cluster_id", "year", "cvr", "municipality_code", "region_code", "rule", "size_class")
SELECT r.cluster_id, r.year, r.cvr, m.code, min(m.region_code),
	min(CASE WHEN pu.municipality_code IS NOT NULL THEN 'production-unit' ELSE 'company-address' END),
	min(CASE WHEN c.employee_band IS NULL THEN 'unknown'
		WHEN c.employee_band IN ('50-99', '100-199', '200-499', '500-999', '1000+') THEN 'ge50' ELSE 'lt50' END)
FROM company_list_rows r
LEFT JOIN production_units pu ON pu.pnr = r.pnr
LEFT JOIN companies c ON c.cvr = r.cvr
JOIN municipalities m ON m.code = coalesce(pu.municipality_code, c.municipality_code)
GROUP BY r.cluster_id, r.year, r.cvr, m.code;
