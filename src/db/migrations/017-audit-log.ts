import type { Migration } from './dialect';

/** Audit records younger than this cannot be deleted, also in the database (the guard below). */
export const AUDIT_MIN_DAYS = 30;
// The append-only guard: triggers, written per engine (their trigger languages differ).
const AUDIT_GUARD_SQLITE = `
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_early_delete BEFORE DELETE ON audit_log
  WHEN OLD.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${AUDIT_MIN_DAYS} days')
  BEGIN SELECT RAISE(ABORT, 'audit_log rows younger than ${AUDIT_MIN_DAYS} days cannot be deleted'); END;`;
const AUDIT_GUARD_POSTGRES = `
  CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' OR TG_OP = 'TRUNCATE' THEN
      RAISE EXCEPTION 'audit_log is append-only';
    END IF;
    IF OLD.at > now() - interval '${AUDIT_MIN_DAYS} days' THEN
      RAISE EXCEPTION 'audit_log rows younger than ${AUDIT_MIN_DAYS} days cannot be deleted';
    END IF;
    RETURN OLD;
  END $$;
  CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
  CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();`;

export const migration: Migration = {
  id: 17,
  name: 'audit log',
  // Who did what, when. actor_id has no foreign key: the record outlives the user. actor is the e-mail address at the
  // time, or 'cli', 'system', 'participant', 'anonymous'. Append-only in the database too: updates are refused, and so
  // are deletes of rows younger than 30 days (the lowest AUDIT_RETENTION_DAYS allows; the database cannot read the
  // configured value), so only the retention purge can remove rows. Dropping the table is not prevented.
  sql: (d) => `
    CREATE TABLE audit_log (
      id ${d.id},
      at ${d.time} NOT NULL,
      actor_id INTEGER,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT,
      detail ${d.json} NOT NULL DEFAULT '{}'
    )${d.strict};
    CREATE INDEX audit_log_at ON audit_log (at);
    CREATE INDEX audit_log_actor ON audit_log (actor);
    ${d.name === 'sqlite' ? AUDIT_GUARD_SQLITE : AUDIT_GUARD_POSTGRES}
  `,
};
