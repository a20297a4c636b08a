CREATE TABLE "counselling_assignments" (
	"case_id" uuid NOT NULL,
	"counsellor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counselling_assignments_case_id_counsellor_id_pk" PRIMARY KEY("case_id","counsellor_id")
);
--> statement-breakpoint
CREATE TABLE "counselling_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"path" text NOT NULL,
	"case_id" uuid,
	"person_id" uuid NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "counselling_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"path" text NOT NULL,
	"requester_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"category" text NOT NULL,
	"subject" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "counselling_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counselling_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"path" text NOT NULL,
	"counsellor_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"room" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "counselling_assignments" ADD CONSTRAINT "counselling_assignments_case_id_counselling_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."counselling_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_assignments" ADD CONSTRAINT "counselling_assignments_counsellor_id_persons_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_bookings" ADD CONSTRAINT "counselling_bookings_slot_id_counselling_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."counselling_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_bookings" ADD CONSTRAINT "counselling_bookings_case_id_counselling_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."counselling_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_bookings" ADD CONSTRAINT "counselling_bookings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_cases" ADD CONSTRAINT "counselling_cases_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_cases" ADD CONSTRAINT "counselling_cases_requester_id_persons_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_cases" ADD CONSTRAINT "counselling_cases_learner_id_persons_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_messages" ADD CONSTRAINT "counselling_messages_case_id_counselling_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."counselling_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_messages" ADD CONSTRAINT "counselling_messages_author_id_persons_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_slots" ADD CONSTRAINT "counselling_slots_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_slots" ADD CONSTRAINT "counselling_slots_counsellor_id_persons_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "counselling_assignments_counsellor_idx" ON "counselling_assignments" USING btree ("counsellor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "counselling_bookings_live_slot_uq" ON "counselling_bookings" USING btree ("slot_id") WHERE status = 'booked';--> statement-breakpoint
CREATE INDEX "counselling_bookings_person_idx" ON "counselling_bookings" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "counselling_cases_school_idx" ON "counselling_cases" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "counselling_cases_requester_idx" ON "counselling_cases" USING btree ("requester_id");--> statement-breakpoint
CREATE INDEX "counselling_messages_case_idx" ON "counselling_messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "counselling_slots_school_idx" ON "counselling_slots" USING btree ("school_id","starts_at");--> statement-breakpoint
CREATE INDEX "counselling_slots_counsellor_idx" ON "counselling_slots" USING btree ("counsellor_id","starts_at");