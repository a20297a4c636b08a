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
CREATE TABLE "budget_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"school_id" uuid,
	"path" text NOT NULL,
	"amount" bigint NOT NULL,
	"counterparty" text DEFAULT '' NOT NULL,
	"signed_on" date NOT NULL,
	"document" text DEFAULT '' NOT NULL,
	"reverses_id" uuid,
	"reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_plans" (
	"task_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"school_id" uuid,
	"path" text NOT NULL,
	"amount" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_plans_task_id_year_pk" PRIMARY KEY("task_id","year")
);
--> statement-breakpoint
CREATE TABLE "budget_spending" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"school_id" uuid,
	"path" text NOT NULL,
	"amount" bigint NOT NULL,
	"spent_on" date NOT NULL,
	"description" text NOT NULL,
	"voucher_no" text DEFAULT '' NOT NULL,
	"commitment_id" uuid,
	"reverses_id" uuid,
	"reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_spending_files" (
	"spending_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_spending_files_spending_id_file_id_pk" PRIMARY KEY("spending_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "budget_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"path" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "school_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "school_daily_stats" ADD CONSTRAINT "school_daily_stats_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_result_stats" ADD CONSTRAINT "school_result_stats_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_submitted_by_persons_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_reports" ADD CONSTRAINT "program_reports_decided_by_persons_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_commitments" ADD CONSTRAINT "budget_commitments_task_id_budget_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."budget_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_commitments" ADD CONSTRAINT "budget_commitments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_commitments" ADD CONSTRAINT "budget_commitments_reverses_id_budget_commitments_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."budget_commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_commitments" ADD CONSTRAINT "budget_commitments_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_plans" ADD CONSTRAINT "budget_plans_task_id_budget_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."budget_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_plans" ADD CONSTRAINT "budget_plans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_plans" ADD CONSTRAINT "budget_plans_updated_by_persons_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_spending" ADD CONSTRAINT "budget_spending_task_id_budget_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."budget_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_spending" ADD CONSTRAINT "budget_spending_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_spending" ADD CONSTRAINT "budget_spending_commitment_id_budget_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."budget_commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_spending" ADD CONSTRAINT "budget_spending_reverses_id_budget_spending_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."budget_spending"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_spending" ADD CONSTRAINT "budget_spending_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_spending_files" ADD CONSTRAINT "budget_spending_files_spending_id_budget_spending_id_fk" FOREIGN KEY ("spending_id") REFERENCES "public"."budget_spending"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_spending_files" ADD CONSTRAINT "budget_spending_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_tasks" ADD CONSTRAINT "budget_tasks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_tasks" ADD CONSTRAINT "budget_tasks_parent_id_budget_tasks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."budget_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_tasks" ADD CONSTRAINT "budget_tasks_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_daily_stats_day_path_idx" ON "school_daily_stats" USING btree ("day","path");--> statement-breakpoint
CREATE INDEX "school_result_stats_path_idx" ON "school_result_stats" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "program_reports_org_period_uq" ON "program_reports" USING btree ("path","template","period_key");--> statement-breakpoint
CREATE INDEX "program_reports_path_idx" ON "program_reports" USING btree ("path");--> statement-breakpoint
CREATE INDEX "program_reports_period_idx" ON "program_reports" USING btree ("template","period_key");--> statement-breakpoint
CREATE INDEX "budget_commitments_task_idx" ON "budget_commitments" USING btree ("task_id","year");--> statement-breakpoint
CREATE INDEX "budget_commitments_reverses_idx" ON "budget_commitments" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "budget_plans_year_idx" ON "budget_plans" USING btree ("year");--> statement-breakpoint
CREATE INDEX "budget_spending_task_idx" ON "budget_spending" USING btree ("task_id","year");--> statement-breakpoint
CREATE INDEX "budget_spending_commitment_idx" ON "budget_spending" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "budget_spending_reverses_idx" ON "budget_spending" USING btree ("reverses_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_tasks_code_uq" ON "budget_tasks" USING btree ("path","code");--> statement-breakpoint
CREATE INDEX "budget_tasks_parent_idx" ON "budget_tasks" USING btree ("parent_id");