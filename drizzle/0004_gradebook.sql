CREATE TYPE "public"."attendance_status" AS ENUM('present', 'excused', 'unexcused', 'late');--> statement-breakpoint
CREATE TYPE "public"."grade_change_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."grade_column_kind" AS ENUM('regular', 'midterm', 'endterm', 'retake');--> statement-breakpoint
CREATE TYPE "public"."grade_value_type" AS ENUM('score', 'integer', 'pass', 'level');--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"on" date NOT NULL,
	"status" "attendance_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conduct_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"term" smallint NOT NULL,
	"level" text,
	"comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grade_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"column_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"reason" text NOT NULL,
	"status" "grade_change_status" DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grade_columns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"term" smallint NOT NULL,
	"kind" "grade_column_kind" NOT NULL,
	"value_type" "grade_value_type" NOT NULL,
	"slot" smallint NOT NULL,
	"published_at" timestamp with time zone,
	"path" text NOT NULL,
	CONSTRAINT "grade_columns_uq" UNIQUE("class_id","subject_id","term","kind","value_type","slot")
);
--> statement-breakpoint
CREATE TABLE "grade_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"column_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"score_tenths" smallint,
	"level" text,
	"comment" text DEFAULT '' NOT NULL,
	"missed_reason" text,
	"makeup" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grade_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"column_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	"change_request_id" uuid
);
--> statement-breakpoint
CREATE TABLE "gradebook_locks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"term" smallint NOT NULL,
	"class_id" uuid,
	"locked_by" uuid,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"path" text NOT NULL,
	CONSTRAINT "gradebook_locks_uq" UNIQUE NULLS NOT DISTINCT("school_year_id","term","class_id")
);
--> statement-breakpoint
CREATE TABLE "teaching_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_learner_id_persons_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_assessments" ADD CONSTRAINT "conduct_assessments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_assessments" ADD CONSTRAINT "conduct_assessments_learner_id_persons_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_change_requests" ADD CONSTRAINT "grade_change_requests_column_id_grade_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."grade_columns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_columns" ADD CONSTRAINT "grade_columns_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_columns" ADD CONSTRAINT "grade_columns_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_columns" ADD CONSTRAINT "grade_columns_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_entries" ADD CONSTRAINT "grade_entries_column_id_grade_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."grade_columns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_entries" ADD CONSTRAINT "grade_entries_learner_id_persons_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gradebook_locks" ADD CONSTRAINT "gradebook_locks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gradebook_locks" ADD CONSTRAINT "gradebook_locks_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gradebook_locks" ADD CONSTRAINT "gradebook_locks_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teaching_assignments" ADD CONSTRAINT "teaching_assignments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teaching_assignments" ADD CONSTRAINT "teaching_assignments_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teaching_assignments" ADD CONSTRAINT "teaching_assignments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teaching_assignments" ADD CONSTRAINT "teaching_assignments_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teaching_assignments" ADD CONSTRAINT "teaching_assignments_teacher_id_persons_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_class_learner_day_uq" ON "attendance" USING btree ("class_id","learner_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "conduct_class_learner_term_uq" ON "conduct_assessments" USING btree ("class_id","learner_id","term");--> statement-breakpoint
CREATE INDEX "grade_change_status_idx" ON "grade_change_requests" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "grade_columns_class_idx" ON "grade_columns" USING btree ("class_id","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grade_entries_column_learner_uq" ON "grade_entries" USING btree ("column_id","learner_id");--> statement-breakpoint
CREATE INDEX "grade_entries_learner_idx" ON "grade_entries" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "grade_history_cell_idx" ON "grade_history" USING btree ("column_id","learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teaching_class_subject_uq" ON "teaching_assignments" USING btree ("class_id","subject_id");--> statement-breakpoint
CREATE INDEX "teaching_teacher_idx" ON "teaching_assignments" USING btree ("teacher_id");--> statement-breakpoint
-- The grade history is append-only: a correction never erases (TT22 học bạ rule).
CREATE FUNCTION grade_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'grade_history is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER grade_history_no_change BEFORE UPDATE OR DELETE ON "grade_history"
	FOR EACH ROW EXECUTE FUNCTION grade_history_append_only();
