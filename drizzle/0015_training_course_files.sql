CREATE TABLE "training_course_files" (
	"course_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_course_files_course_id_file_id_pk" PRIMARY KEY("course_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "training_course_files" ADD CONSTRAINT "training_course_files_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_files" ADD CONSTRAINT "training_course_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;