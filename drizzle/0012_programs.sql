CREATE TYPE "public"."program_report_level" AS ENUM('school', 'unit', 'city');--> statement-breakpoint
CREATE TYPE "public"."program_report_status" AS ENUM('draft', 'submitted', 'accepted', 'returned');--> statement-breakpoint
CREATE TYPE "public"."program_report_template" AS ENUM('monthly', 'quarterly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."training_audience" AS ENUM('staff', 'learners', 'parents', 'everyone');--> statement-breakpoint
CREATE TYPE "public"."training_status" AS ENUM('planned', 'open', 'in_progress', 'finished', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."training_target_group" AS ENUM('managers', 'core_teachers', 'pedagogy_management', 'pedagogy_students', 'school_staff', 'parents', 'learners');--> statement-breakpoint
CREATE TYPE "public"."survey_response_status" AS ENUM('not_started', 'draft', 'submitted', 'returned');--> statement-breakpoint
CREATE TYPE "public"."survey_status" AS ENUM('draft', 'sent');--> statement-breakpoint
CREATE TYPE "public"."pilot_milestone_status" AS ENUM('planned', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."pilot_model_status" AS ENUM('draft', 'piloting', 'completed');--> statement-breakpoint
CREATE TYPE "public"."pilot_phase" AS ENUM('theory', 'practice');--> statement-breakpoint
CREATE TYPE "public"."publication_audience" AS ENUM('leaders', 'staff', 'parents', 'learners', 'everyone');--> statement-breakpoint
CREATE TYPE "public"."publication_kind" AS ENUM('announcement', 'guidance', 'news', 'value');--> statement-breakpoint
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
CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"attended" boolean NOT NULL,
	CONSTRAINT "training_attendance_session_id_enrolment_id_pk" PRIMARY KEY("session_id","enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"org_unit_id" uuid NOT NULL,
	"path" text NOT NULL,
	"program_year" integer NOT NULL,
	"title" text NOT NULL,
	"target_group" "training_target_group" NOT NULL,
	"audience" "training_audience" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "training_status" DEFAULT 'open' NOT NULL,
	"capacity" integer,
	"max_score" real,
	"pass_mark" real,
	"required_share" real DEFAULT 0.8 NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"school_id" uuid,
	"path" text NOT NULL,
	"enrolled_by" uuid NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pre_score" real,
	"post_score" real,
	"completed_at" timestamp with time zone,
	"verification_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_feedback" (
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"path" text NOT NULL,
	"usefulness" smallint NOT NULL,
	"applicability" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_feedback_course_id_person_id_pk" PRIMARY KEY("course_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "training_quotas" (
	"course_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"path" text NOT NULL,
	"places" integer NOT NULL,
	CONSTRAINT "training_quotas_course_id_school_id_pk" PRIMARY KEY("course_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"school_id" uuid,
	"path" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"room" text,
	"trainer_ids" uuid[] DEFAULT '{}' NOT NULL,
	"trainer_names" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_targets" (
	"program_year" integer NOT NULL,
	"path" text NOT NULL,
	"key" text NOT NULL,
	"value" real NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_targets_program_year_path_key_pk" PRIMARY KEY("program_year","path","key")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"path" text NOT NULL,
	"status" "survey_response_status" DEFAULT 'not_started' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"return_reason" text,
	"readiness_index" real,
	"ready" boolean
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"org_unit_id" uuid NOT NULL,
	"path" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"template" text,
	"definition" jsonb NOT NULL,
	"target" jsonb,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"status" "survey_status" DEFAULT 'draft' NOT NULL,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"path" text NOT NULL,
	"author_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"url" text,
	"file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"path" text NOT NULL,
	"phase" "pilot_phase",
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"status" "pilot_milestone_status" DEFAULT 'planned' NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"path" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"levels" "school_level"[] NOT NULL,
	"components" text[] NOT NULL,
	"status" "pilot_model_status" DEFAULT 'piloting' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_site_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"phase" "pilot_phase" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"path" text NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_reads" (
	"publication_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publication_reads_publication_id_person_id_pk" PRIMARY KEY("publication_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"path" text NOT NULL,
	"kind" "publication_kind" NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"attachment_url" text,
	"audience" "publication_audience" NOT NULL,
	"levels" "school_level"[] DEFAULT '{}' NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_enrolled_by_persons_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_quotas" ADD CONSTRAINT "training_quotas_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_quotas" ADD CONSTRAINT "training_quotas_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_targets" ADD CONSTRAINT "training_targets_updated_by_persons_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_updated_by_persons_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_submitted_by_persons_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_returned_by_persons_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_evidence" ADD CONSTRAINT "pilot_evidence_milestone_id_pilot_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."pilot_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_evidence" ADD CONSTRAINT "pilot_evidence_site_id_pilot_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."pilot_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_evidence" ADD CONSTRAINT "pilot_evidence_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_evidence" ADD CONSTRAINT "pilot_evidence_author_id_persons_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_evidence" ADD CONSTRAINT "pilot_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_milestones" ADD CONSTRAINT "pilot_milestones_site_id_pilot_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."pilot_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_milestones" ADD CONSTRAINT "pilot_milestones_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_models" ADD CONSTRAINT "pilot_models_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_site_phases" ADD CONSTRAINT "pilot_site_phases_site_id_pilot_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."pilot_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_sites" ADD CONSTRAINT "pilot_sites_model_id_pilot_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."pilot_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_sites" ADD CONSTRAINT "pilot_sites_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_reads" ADD CONSTRAINT "publication_reads_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_reads" ADD CONSTRAINT "publication_reads_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_persons_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "budget_tasks_parent_idx" ON "budget_tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "training_courses_path_idx" ON "training_courses" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_person_uq" ON "training_enrolments" USING btree ("course_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_code_uq" ON "training_enrolments" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "training_enrolments_path_idx" ON "training_enrolments" USING btree ("path");--> statement-breakpoint
CREATE INDEX "training_enrolments_person_idx" ON "training_enrolments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_sessions_starts_idx" ON "training_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_school_uq" ON "survey_responses" USING btree ("survey_id","school_id");--> statement-breakpoint
CREATE INDEX "survey_responses_path_idx" ON "survey_responses" USING btree ("path");--> statement-breakpoint
CREATE INDEX "surveys_path_idx" ON "surveys" USING btree ("path");--> statement-breakpoint
CREATE INDEX "pilot_evidence_milestone_idx" ON "pilot_evidence" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "pilot_milestones_site_idx" ON "pilot_milestones" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "pilot_milestones_path_idx" ON "pilot_milestones" USING btree ("path");--> statement-breakpoint
CREATE INDEX "pilot_models_path_idx" ON "pilot_models" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_site_phases_uq" ON "pilot_site_phases" USING btree ("site_id","phase");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_sites_model_school_uq" ON "pilot_sites" USING btree ("model_id","school_id");--> statement-breakpoint
CREATE INDEX "pilot_sites_path_idx" ON "pilot_sites" USING btree ("path");--> statement-breakpoint
CREATE INDEX "publications_path_idx" ON "publications" USING btree ("path");--> statement-breakpoint
CREATE INDEX "publications_published_idx" ON "publications" USING btree ("published_at");