CREATE TABLE "consents" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_id" text NOT NULL,
	"purpose" text NOT NULL,
	"kind" text NOT NULL,
	"text_version" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_channel" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_subjects" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction" text NOT NULL,
	"subject_pseudonym" text NOT NULL,
	"aml_pseudonym" text NOT NULL,
	"audit_pseudonym" text NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"relationship_ended_at" timestamp with time zone,
	"restricted_at" timestamp with time zone,
	"restriction_ground" text,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_subjects_subject_pseudonym_unique" UNIQUE("subject_pseudonym")
);
--> statement-breakpoint
CREATE TABLE "privacy_purge_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"actor" text NOT NULL,
	"subjects_examined" integer NOT NULL,
	"subjects_shredded" integer NOT NULL,
	"purged" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_keys" (
	"subject_id" text PRIMARY KEY NOT NULL,
	"kek_id" text NOT NULL,
	"wrapped_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rewrapped_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "data_subject_id" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "legal_bases" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_subject_id_data_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."data_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_keys" ADD CONSTRAINT "subject_keys_subject_id_data_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."data_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_subject_idx" ON "consents" USING btree ("subject_id","purpose");--> statement-breakpoint
CREATE INDEX "data_subjects_aml_pseudonym_idx" ON "data_subjects" USING btree ("aml_pseudonym");--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_data_subject_id_data_subjects_id_fk" FOREIGN KEY ("data_subject_id") REFERENCES "public"."data_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transfers_data_subject_idx" ON "transfers" USING btree ("data_subject_id");