CREATE TYPE "public"."program_report_level" AS ENUM('school', 'unit', 'city');--> statement-breakpoint
CREATE TYPE "public"."program_report_status" AS ENUM('draft', 'submitted', 'accepted', 'returned');--> statement-breakpoint
CREATE TYPE "public"."program_report_template" AS ENUM('monthly', 'quarterly', 'yearly');--> statement-breakpoint
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
CREATE TABLE "program_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template" "program_report_template" NOT NULL,
	"period_key" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"level" "program_report_level" NOT NULL,
	"school_id" uuid,
	"org_unit_id" uuid,
	"path" text NOT NULL,
	"status" "program_report_status" DEFAULT 'draft' NOT NULL,
	"narrative" jsonb NOT NULL,
	"figures" jsonb,
	"created_by" uuid NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "school_daily_stats" ADD CONSTRAINT "school_daily_stats_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_result_stats" ADD CONSTRAINT "school_result_stats_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_submitted_by_persons_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_decided_by_persons_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_daily_stats_day_path_idx" ON "school_daily_stats" USING btree ("day","path");--> statement-breakpoint
CREATE INDEX "school_result_stats_path_idx" ON "school_result_stats" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "program_reports_org_period_uq" ON "program_reports" USING btree ("path","template","period_key");--> statement-breakpoint
CREATE INDEX "program_reports_path_idx" ON "program_reports" USING btree ("path");--> statement-breakpoint
CREATE INDEX "program_reports_period_idx" ON "program_reports" USING btree ("template","period_key");