CREATE TABLE "company_stats_cache" (
	"region_code" text NOT NULL,
	"key" text NOT NULL,
	"data" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_stats_cache_region_code_key_pk" PRIMARY KEY("region_code","key")
);
