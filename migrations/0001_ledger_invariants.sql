-- Invariants the database keeps whatever code writes to it.

-- 1. Every journal balances per currency. Checked at commit (deferred), once per journal and
--    currency touched, so that postings can be inserted one by one inside the transaction.
CREATE OR REPLACE FUNCTION pontis_check_journal_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
BEGIN
  SELECT coalesce(sum(amount_minor), 0) INTO total
    FROM postings WHERE journal_id = NEW.journal_id AND currency = NEW.currency;
  IF total <> 0 THEN
    RAISE EXCEPTION 'journal % does not balance in %: sum of postings is %', NEW.journal_id, NEW.currency, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'postings_journal_balanced';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER postings_journal_balanced
  AFTER INSERT ON postings DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION pontis_check_journal_balanced();
--> statement-breakpoint

-- 2. Postings and audit events are append-only.
CREATE OR REPLACE FUNCTION pontis_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE ON postings
  FOR EACH ROW EXECUTE FUNCTION pontis_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION pontis_append_only();
--> statement-breakpoint
CREATE TRIGGER postings_no_truncate BEFORE TRUNCATE ON postings
  FOR EACH STATEMENT EXECUTE FUNCTION pontis_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION pontis_append_only();
--> statement-breakpoint

-- 3. A journal is created pending or posted, and a pending one moves once, to posted or voided.
CREATE OR REPLACE FUNCTION pontis_journal_phase() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'journal entries are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.phase = 'voided' THEN
      RAISE EXCEPTION 'a journal cannot be created voided' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.phase <> 'pending' OR NEW.phase NOT IN ('posted', 'voided')
     OR NEW.id <> OLD.id OR NEW.transfer_id IS DISTINCT FROM OLD.transfer_id OR NEW.kind <> OLD.kind THEN
    RAISE EXCEPTION 'journal % cannot move from % to %', OLD.id, OLD.phase, NEW.phase
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER journal_entries_phase BEFORE INSERT OR UPDATE OR DELETE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION pontis_journal_phase();
