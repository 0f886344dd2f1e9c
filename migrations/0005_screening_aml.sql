CREATE TABLE "aml_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"transfer_id" text NOT NULL,
	"live" boolean NOT NULL,
	"rule_set_id" text,
	"rule_set_version" integer NOT NULL,
	"decision" text NOT NULL,
	"score" numeric NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"list_versions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"facts" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aml_rule_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction" text NOT NULL,
	"version" integer NOT NULL,
	"parameters" jsonb NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"shadow_from" timestamp with time zone,
	"activated_by" text,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	CONSTRAINT "aml_rule_sets_jurisdiction_version_unique" UNIQUE("jurisdiction","version")
);
--> statement-breakpoint
CREATE TABLE "compliance_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"transfer_id" text,
	"subject_id" text,
	"status" text NOT NULL,
	"priority" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"release_requested_by" text,
	"release_requested_at" timestamp with time zone,
	"release_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"run_id" text,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "death_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_id" text NOT NULL,
	"date_of_death" date NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "life_certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_id" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanctions_entries" (
	"version_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"type" text NOT NULL,
	"primary_name" text NOT NULL,
	"data" jsonb NOT NULL,
	"content_sha256" text NOT NULL,
	CONSTRAINT "sanctions_entries_version_id_entry_id_pk" PRIMARY KEY("version_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "sanctions_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"trigger" text NOT NULL,
	"origin" text NOT NULL,
	"sha256" text,
	"status" text NOT NULL,
	"version_id" text,
	"error_code" text,
	"error" text,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanctions_list_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"sha256" text NOT NULL,
	"published_at" timestamp with time zone,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" text NOT NULL,
	"trigger" text NOT NULL,
	"origin" text NOT NULL,
	"entry_count" integer NOT NULL,
	"name_count" integer NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screening_results" (
	"id" text PRIMARY KEY NOT NULL,
	"transfer_id" text,
	"run_id" text,
	"party_key" text NOT NULL,
	"party_role" text NOT NULL,
	"party_type" text NOT NULL,
	"outcome" text NOT NULL,
	"top_score" numeric NOT NULL,
	"list_versions" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"hits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"version_id" text NOT NULL,
	"entries_screened" integer NOT NULL,
	"parties_screened" integer NOT NULL,
	"alerts" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_suppressions" (
	"id" text PRIMARY KEY NOT NULL,
	"party_key" text NOT NULL,
	"entity_id" text NOT NULL,
	"entry_sha256" text NOT NULL,
	"reason" text NOT NULL,
	"case_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text
);
--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "account_pseudonym" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "benefit_period_key" text;--> statement-breakpoint
ALTER TABLE "aml_decisions" ADD CONSTRAINT "aml_decisions_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_cases" ADD CONSTRAINT "compliance_cases_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_cases" ADD CONSTRAINT "compliance_cases_subject_id_data_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."data_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "death_reports" ADD CONSTRAINT "death_reports_subject_id_data_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."data_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "life_certificates" ADD CONSTRAINT "life_certificates_subject_id_data_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."data_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions_entries" ADD CONSTRAINT "sanctions_entries_version_id_sanctions_list_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."sanctions_list_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_runs" ADD CONSTRAINT "screening_runs_version_id_sanctions_list_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."sanctions_list_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aml_decisions_transfer_idx" ON "aml_decisions" USING btree ("transfer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aml_decisions_one_live" ON "aml_decisions" USING btree ("transfer_id") WHERE "aml_decisions"."live";--> statement-breakpoint
CREATE INDEX "aml_decisions_rule_set_idx" ON "aml_decisions" USING btree ("rule_set_id","created_at");--> statement-breakpoint
CREATE INDEX "aml_decisions_created_idx" ON "aml_decisions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "aml_rule_sets_one_active" ON "aml_rule_sets" USING btree ("jurisdiction") WHERE "aml_rule_sets"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "aml_rule_sets_one_shadow" ON "aml_rule_sets" USING btree ("jurisdiction") WHERE "aml_rule_sets"."status" = 'shadow';--> statement-breakpoint
CREATE INDEX "compliance_cases_status_idx" ON "compliance_cases" USING btree ("status","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_cases_one_open_per_transfer" ON "compliance_cases" USING btree ("transfer_id") WHERE "compliance_cases"."status" in ('open', 'release_requested');--> statement-breakpoint
CREATE INDEX "compliance_cases_hold_due_idx" ON "compliance_cases" USING btree ("hold_expires_at") WHERE "compliance_cases"."status" in ('open', 'release_requested') and "compliance_cases"."escalated_at" is null;--> statement-breakpoint
CREATE INDEX "death_reports_subject_idx" ON "death_reports" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "life_certificates_subject_idx" ON "life_certificates" USING btree ("subject_id","valid_until");--> statement-breakpoint
CREATE INDEX "sanctions_imports_created_idx" ON "sanctions_imports" USING btree ("source","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sanctions_list_versions_one_active" ON "sanctions_list_versions" USING btree ("source") WHERE "sanctions_list_versions"."active";--> statement-breakpoint
CREATE INDEX "sanctions_list_versions_source_idx" ON "sanctions_list_versions" USING btree ("source","imported_at");--> statement-breakpoint
CREATE INDEX "screening_results_transfer_idx" ON "screening_results" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "screening_results_party_idx" ON "screening_results" USING btree ("party_key");--> statement-breakpoint
CREATE INDEX "screening_suppressions_party_idx" ON "screening_suppressions" USING btree ("party_key","entity_id");--> statement-breakpoint
CREATE INDEX "transfers_account_pseudonym_idx" ON "transfers" USING btree ("account_pseudonym");--> statement-breakpoint
CREATE INDEX "transfers_benefit_period_key_idx" ON "transfers" USING btree ("benefit_period_key");--> statement-breakpoint
CREATE INDEX "transfers_created_idx" ON "transfers" USING btree ("created_at");