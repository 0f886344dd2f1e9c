CREATE TABLE "callback_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"event_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"kid" text NOT NULL,
	"family" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"certificate_pem" text,
	"certificate_serial" text,
	"certificate_issuer" text,
	"certificate_subject" text,
	"certificate_not_before" timestamp with time zone,
	"certificate_not_after" timestamp with time zone,
	"trust_anchor_id" text,
	"activates_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_keys_kid_unique" UNIQUE("kid")
);
--> statement-breakpoint
CREATE TABLE "revoked_certificates" (
	"trust_anchor_id" text NOT NULL,
	"serial" text NOT NULL,
	"revoked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "revoked_certificates_trust_anchor_id_serial_pk" PRIMARY KEY("trust_anchor_id","serial")
);
--> statement-breakpoint
CREATE TABLE "signature_nonces" (
	"partner_id" text NOT NULL,
	"nonce" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signature_nonces_partner_id_nonce_pk" PRIMARY KEY("partner_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "trust_anchors" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"subject" text NOT NULL,
	"fingerprint_sha256" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"crl_this_update" timestamp with time zone,
	"crl_next_update" timestamp with time zone,
	"crl_sha256" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trust_anchors_jurisdiction_fingerprint_unique" UNIQUE("jurisdiction_code","fingerprint_sha256")
);
--> statement-breakpoint
CREATE TABLE "verified_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"key_id" text NOT NULL,
	"kid" text NOT NULL,
	"scheme" text NOT NULL,
	"algorithm" text NOT NULL,
	"method" text NOT NULL,
	"target_uri" text NOT NULL,
	"signature_input" text NOT NULL,
	"signature" text NOT NULL,
	"signature_base" text,
	"content_digest" text,
	"signed_at" timestamp with time zone NOT NULL,
	"nonce" text NOT NULL,
	"certificate_serial" text,
	"certificate_issuer" text,
	"request_id" text,
	"verified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_agencies" ADD COLUMN "callback_url" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "partner_id" text;--> statement-breakpoint
ALTER TABLE "callback_outbox" ADD CONSTRAINT "callback_outbox_partner_id_partner_agencies_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_keys" ADD CONSTRAINT "partner_keys_partner_id_partner_agencies_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revoked_certificates" ADD CONSTRAINT "revoked_certificates_trust_anchor_id_trust_anchors_id_fk" FOREIGN KEY ("trust_anchor_id") REFERENCES "public"."trust_anchors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_anchors" ADD CONSTRAINT "trust_anchors_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callback_outbox_due_idx" ON "callback_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "callback_outbox_partner_idx" ON "callback_outbox" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "partner_keys_partner_idx" ON "partner_keys" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "signature_nonces_expires_idx" ON "signature_nonces" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "verified_messages_partner_idx" ON "verified_messages" USING btree ("partner_id","verified_at");--> statement-breakpoint
-- Evidence of verified partner messages is never changed or removed.
CREATE TRIGGER verified_messages_append_only BEFORE UPDATE OR DELETE ON verified_messages
  FOR EACH ROW EXECUTE FUNCTION pontis_append_only();--> statement-breakpoint
-- Keys are retired, never deleted: archived messages must stay verifiable.
CREATE TRIGGER partner_keys_no_delete BEFORE DELETE ON partner_keys
  FOR EACH ROW EXECUTE FUNCTION pontis_append_only();
