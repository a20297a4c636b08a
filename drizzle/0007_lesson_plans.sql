CREATE TYPE "public"."lesson_plan_status" AS ENUM('draft', 'submitted', 'returned', 'group_approved', 'approved');--> statement-breakpoint
CREATE TABLE "lesson_plan_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"from_status" "lesson_plan_status",
	"to_status" "lesson_plan_status" NOT NULL,
	"actor_id" uuid NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"path" text NOT NULL,
	"author_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_group_id" uuid,
	"grade" smallint NOT NULL,
	"title" text NOT NULL,
	"week" smallint,
	"teaching_date" date,
	"periods" smallint DEFAULT 1 NOT NULL,
	"status" "lesson_plan_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"copied_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lesson_plan_events" ADD CONSTRAINT "lesson_plan_events_plan_id_lesson_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."lesson_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_author_id_persons_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_subject_group_id_subject_groups_id_fk" FOREIGN KEY ("subject_group_id") REFERENCES "public"."subject_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesson_plan_events_plan_idx" ON "lesson_plan_events" USING btree ("plan_id","id");--> statement-breakpoint
CREATE INDEX "lesson_plans_school_idx" ON "lesson_plans" USING btree ("school_id","school_year_id");--> statement-breakpoint
CREATE INDEX "lesson_plans_author_idx" ON "lesson_plans" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "lesson_plans_path_idx" ON "lesson_plans" USING btree ("path");--> statement-breakpoint
-- A plan's review history is append-only: who returned or approved it, and why, is never rewritten.
CREATE FUNCTION lesson_plan_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'lesson_plan_events is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER lesson_plan_events_no_change BEFORE UPDATE OR DELETE ON "lesson_plan_events"
	FOR EACH ROW EXECUTE FUNCTION lesson_plan_events_append_only();
