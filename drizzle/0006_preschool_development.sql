CREATE TABLE "development_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"period" text NOT NULL,
	"indicator_id" uuid NOT NULL,
	"reached" boolean,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"domain" text NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"path" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "development_assessments" ADD CONSTRAINT "development_assessments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_assessments" ADD CONSTRAINT "development_assessments_learner_id_persons_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_assessments" ADD CONSTRAINT "development_assessments_indicator_id_development_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."development_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_indicators" ADD CONSTRAINT "development_indicators_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "development_assessments_uq" ON "development_assessments" USING btree ("class_id","learner_id","period","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "development_indicators_school_code_uq" ON "development_indicators" USING btree ("school_id","code");