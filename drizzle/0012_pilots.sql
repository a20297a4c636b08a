CREATE TYPE "public"."pilot_milestone_status" AS ENUM('planned', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."pilot_model_status" AS ENUM('draft', 'piloting', 'completed');--> statement-breakpoint
CREATE TYPE "public"."pilot_phase" AS ENUM('theory', 'practice');--> statement-breakpoint
CREATE TYPE "public"."publication_audience" AS ENUM('leaders', 'staff', 'parents', 'learners', 'everyone');--> statement-breakpoint
CREATE TYPE "public"."publication_kind" AS ENUM('announcement', 'guidance', 'news', 'value');--> statement-breakpoint
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
CREATE INDEX "pilot_evidence_milestone_idx" ON "pilot_evidence" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "pilot_milestones_site_idx" ON "pilot_milestones" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "pilot_milestones_path_idx" ON "pilot_milestones" USING btree ("path");--> statement-breakpoint
CREATE INDEX "pilot_models_path_idx" ON "pilot_models" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_site_phases_uq" ON "pilot_site_phases" USING btree ("site_id","phase");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_sites_model_school_uq" ON "pilot_sites" USING btree ("model_id","school_id");--> statement-breakpoint
CREATE INDEX "pilot_sites_path_idx" ON "pilot_sites" USING btree ("path");--> statement-breakpoint
CREATE INDEX "publications_path_idx" ON "publications" USING btree ("path");--> statement-breakpoint
CREATE INDEX "publications_published_idx" ON "publications" USING btree ("published_at");