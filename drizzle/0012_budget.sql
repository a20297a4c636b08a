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
CREATE INDEX "budget_commitments_task_idx" ON "budget_commitments" USING btree ("task_id","year");--> statement-breakpoint
CREATE INDEX "budget_commitments_reverses_idx" ON "budget_commitments" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "budget_plans_year_idx" ON "budget_plans" USING btree ("year");--> statement-breakpoint
CREATE INDEX "budget_spending_task_idx" ON "budget_spending" USING btree ("task_id","year");--> statement-breakpoint
CREATE INDEX "budget_spending_commitment_idx" ON "budget_spending" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "budget_spending_reverses_idx" ON "budget_spending" USING btree ("reverses_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_tasks_code_uq" ON "budget_tasks" USING btree ("path","code");--> statement-breakpoint
CREATE INDEX "budget_tasks_parent_idx" ON "budget_tasks" USING btree ("parent_id");