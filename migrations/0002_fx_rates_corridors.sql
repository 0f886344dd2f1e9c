CREATE TABLE "fx_rate_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"trigger" text NOT NULL,
	"origin" text NOT NULL,
	"sha256" text,
	"status" text NOT NULL,
	"first_date" date,
	"last_date" date,
	"days" integer DEFAULT 0 NOT NULL,
	"rates" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"revised" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"source" text NOT NULL,
	"rate_date" date NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric NOT NULL,
	"import_id" text NOT NULL,
	CONSTRAINT "fx_rates_source_rate_date_currency_pk" PRIMARY KEY("source","rate_date","currency"),
	CONSTRAINT "fx_rates_rate_positive" CHECK ("fx_rates"."rate" > 0),
	CONSTRAINT "fx_rates_currency_code" CHECK ("fx_rates"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "manual_rates" (
	"id" text PRIMARY KEY NOT NULL,
	"corridor" text NOT NULL,
	"version" integer NOT NULL,
	"base_currency" text NOT NULL,
	"quote_currency" text NOT NULL,
	"rate" numeric NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"reference" text NOT NULL,
	"set_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "manual_rates_corridor_version_unique" UNIQUE("corridor","version"),
	CONSTRAINT "manual_rates_rate_positive" CHECK ("manual_rates"."rate" > 0),
	CONSTRAINT "manual_rates_window" CHECK ("manual_rates"."valid_until" > "manual_rates"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "rate_age_target_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "rate_basis" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "corridor" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "execution_date" date;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "value_date" date;--> statement-breakpoint
CREATE INDEX "fx_rate_imports_created_idx" ON "fx_rate_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "fx_rates_currency_date_idx" ON "fx_rates" USING btree ("currency","rate_date");--> statement-breakpoint
CREATE INDEX "manual_rates_corridor_idx" ON "manual_rates" USING btree ("corridor","valid_from");--> statement-breakpoint
-- A manual rate is evidence of a compliance decision: it may be revoked once, never edited or deleted.
CREATE FUNCTION manual_rates_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'manual_rates rows cannot be deleted';
  END IF;
  IF OLD.revoked_at IS NOT NULL
     OR NEW.revoked_at IS NULL
     OR (to_jsonb(NEW) - 'revoked_at' - 'revoked_by') <> (to_jsonb(OLD) - 'revoked_at' - 'revoked_by') THEN
    RAISE EXCEPTION 'manual_rates rows can only be revoked, once';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER manual_rates_guard BEFORE UPDATE OR DELETE ON manual_rates
  FOR EACH ROW EXECUTE FUNCTION manual_rates_guard();
