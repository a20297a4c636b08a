CREATE TABLE "school_daily_stats" (
	"school_id" uuid NOT NULL,
	"day" date NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"path" text NOT NULL,
	"learners" integer NOT NULL,
	"teachers" integer NOT NULL,
	"parents" integer NOT NULL,
	"accounts" integer NOT NULL,
	"active_learners_7d" integer NOT NULL,
	"active_parents_7d" integer NOT NULL,
	"active_teachers_7d" integer NOT NULL,
	"active_accounts_30d" integer NOT NULL,
	"classes" integer NOT NULL,
	"classes_with_grades" integer NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_daily_stats_school_id_day_pk" PRIMARY KEY("school_id","day")
);
--> statement-breakpoint
CREATE TABLE "school_result_stats" (
	"school_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"term" smallint NOT NULL,
	"band" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"path" text NOT NULL,
	"averages" integer NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_result_stats_school_id_school_year_term_band_pk" PRIMARY KEY("school_id","school_year","term","band")
);
--> statement-breakpoint
ALTER TABLE "school_daily_stats" ADD CONSTRAINT "school_daily_stats_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_result_stats" ADD CONSTRAINT "school_result_stats_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_daily_stats_day_path_idx" ON "school_daily_stats" USING btree ("day","path");--> statement-breakpoint
CREATE INDEX "school_result_stats_path_idx" ON "school_result_stats" USING btree ("path");