import type { Migration } from './dialect';

export const migration: Migration = {
  id: 13,
  name: 'stakeholders over time: interest, desired support, contact log',
  // Interest for the power-interest grid and the support the consultant aims for. drives_by_hand: the consultant chose
  // the likely drives (existing choices count as theirs), so the contact log's readings no longer replace them. A
  // contact's date and due date are calendar days as 'YYYY-MM-DD' text on both engines: no time zone can shift them,
  // they sort and compare as text, and the adapters return them unchanged (timestamptz would come back as a time).
  sql: (d) => `
    ALTER TABLE stakeholders ADD COLUMN interest INTEGER NOT NULL DEFAULT 3 CHECK (interest BETWEEN 1 AND 5);
    ALTER TABLE stakeholders ADD COLUMN desired_support INTEGER NOT NULL DEFAULT 0 CHECK (desired_support BETWEEN -2 AND 2);
    ALTER TABLE stakeholders ADD COLUMN drives_by_hand ${d.bool} NOT NULL DEFAULT ${d.false};
    UPDATE stakeholders SET drives_by_hand = TRUE WHERE drives <> '[]';
    CREATE TABLE stakeholder_contacts (
      id ${d.id},
      public_id TEXT NOT NULL UNIQUE,
      stakeholder_id INTEGER NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
      date TEXT NOT NULL,
      remark TEXT,
      support INTEGER CHECK (support BETWEEN -2 AND 2),
      next_step TEXT,
      due TEXT,
      reading ${d.json},
      done ${d.bool} NOT NULL DEFAULT ${d.false},
      created_at ${d.time} NOT NULL
    )${d.strict};
    CREATE INDEX stakeholder_contacts_stakeholder ON stakeholder_contacts (stakeholder_id);
  `,
};
