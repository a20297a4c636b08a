-- Settings become scoped: one value per (org path of the city, a unit or a school, key).
-- The old global table was never written; should a row exist, it lands at '/', which no scope reads.
ALTER TABLE "settings" DROP CONSTRAINT "settings_pkey";--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "scope_path" text NOT NULL DEFAULT '/';--> statement-breakpoint
ALTER TABLE "settings" ALTER COLUMN "scope_path" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_scope_path_key_pk" PRIMARY KEY("scope_path","key");--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_persons_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;
