CREATE TABLE "network_engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"path" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"kind" text NOT NULL,
	"class_id" uuid,
	"club_id" uuid,
	"for_label" text DEFAULT '' NOT NULL,
	"project_id" uuid,
	"message" text DEFAULT '' NOT NULL,
	"proposed_on" date,
	"status" text DEFAULT 'requested' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"rating" smallint,
	"decided_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"path" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"offers" text[] DEFAULT '{}' NOT NULL,
	"areas" text DEFAULT '' NOT NULL,
	"consent_contact" boolean DEFAULT false NOT NULL,
	"consented_at" timestamp with time zone,
	"code_of_conduct_version" text,
	"code_of_conduct_agreed_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"path" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_vetting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"identity_checked" boolean NOT NULL,
	"identity_note" text DEFAULT '' NOT NULL,
	"background_check" text NOT NULL,
	"background_checked_on" date,
	"code_of_conduct_confirmed" boolean NOT NULL,
	"decision" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"path" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_engagements" ADD CONSTRAINT "network_engagements_member_id_network_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."network_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_engagements" ADD CONSTRAINT "network_engagements_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_engagements" ADD CONSTRAINT "network_engagements_requested_by_persons_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_engagements" ADD CONSTRAINT "network_engagements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_invitations" ADD CONSTRAINT "network_invitations_invited_by_persons_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_vetting" ADD CONSTRAINT "network_vetting_member_id_network_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."network_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_vetting" ADD CONSTRAINT "network_vetting_decided_by_persons_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_engagements_member_idx" ON "network_engagements" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "network_engagements_school_idx" ON "network_engagements" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_members_person_uq" ON "network_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "network_members_path_idx" ON "network_members" USING btree ("path");--> statement-breakpoint
CREATE INDEX "network_members_search_idx" ON "network_members" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "network_vetting_member_idx" ON "network_vetting" USING btree ("member_id");--> statement-breakpoint
-- A member's vetting history is append-only: who checked what and decided when is never rewritten.
CREATE FUNCTION network_vetting_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'network_vetting is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER network_vetting_no_update BEFORE UPDATE ON "network_vetting"
	FOR EACH ROW EXECUTE FUNCTION network_vetting_append_only();
