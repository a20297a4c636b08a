CREATE TABLE "account_activity_days" (
	"day" date NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "person_kind" NOT NULL,
	"school_id" uuid,
	CONSTRAINT "account_activity_days_day_account_id_pk" PRIMARY KEY("day","account_id")
);
--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "withdrawal_reason" text;