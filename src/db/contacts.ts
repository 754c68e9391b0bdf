import type { DriveId } from '../domain/drives';
import type { KeptReading } from '../domain/reader/accumulate';
import { STAKEHOLDER_COLUMNS, toStakeholder, type StakeholderRow } from './project-rows';
import type { Sql } from './sql';
import type { StakeholderRecord } from './store';

/** What the drive reader made of a contact's remark: the drives it found (score ≥ 5), strongest first. */
export type StoredReading = KeptReading;

/** One talk with a stakeholder: what they said, their support then, and the agreed next step. */
export type ContactRecord = {
  id: number;
  publicId: string;
  stakeholderId: number;
  /** Calendar days, 'YYYY-MM-DD'. */
  date: string;
  remark: string | null;
  support: number | null;
  nextStep: string | null;
  due: string | null;
  reading: StoredReading | null;
  done: boolean;
  createdAt: string;
};
export type NewContact = Pick<ContactRecord, 'publicId' | 'date' | 'remark' | 'support' | 'nextStep' | 'due' | 'reading'> & {
  now: string;
};
export type NextAction = { contact: ContactRecord; stakeholder: { publicId: string; name: string } };

export interface ContactRepo {
  /**
   * Logs a contact and brings the stakeholder up to date in the same transaction: the contact's support becomes
   * the current one (unless a later-dated contact already gave one), the last contact moves to its date when that
   * is later, and, unless the consultant chose them, the likely drives become `drivesFrom` all readings. Null when
   * the stakeholder is gone.
   */
  add(
    stakeholderId: number,
    input: NewContact,
    drivesFrom: (readings: StoredReading[]) => DriveId[],
  ): Promise<{ contact: ContactRecord; stakeholder: StakeholderRecord } | null>;
  /** A stakeholder's contacts, oldest first (by date, then as logged). */
  list(stakeholderId: number): Promise<ContactRecord[]>;
  /** The readings of a stakeholder's contacts, oldest first. */
  readings(stakeholderId: number): Promise<StoredReading[]>;
  /** Open next steps across a project: by due date (so the overdue come first), those without one last. */
  nextActions(projectId: number): Promise<NextAction[]>;
  /** Marks a contact of the project done; null when the project has no such contact. */
  markDone(projectId: number, publicId: string): Promise<ContactRecord | null>;
}

type Row = {
  id: number;
  public_id: string;
  stakeholder_id: number;
  date: string;
  remark: string | null;
  support: number | null;
  next_step: string | null;
  due: string | null;
  reading: string | null;
  done: number | boolean;
  created_at: string;
};
const toContact = (r: Row): ContactRecord => ({
  id: r.id,
  publicId: r.public_id,
  stakeholderId: r.stakeholder_id,
  date: r.date,
  remark: r.remark,
  support: r.support,
  nextStep: r.next_step,
  due: r.due,
  reading: r.reading === null ? null : (JSON.parse(r.reading) as StoredReading),
  done: r.done === true || r.done === 1,
  createdAt: r.created_at,
});
const sameDrives = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((d, i) => d === b[i]);

export function createContactRepo(sql: Sql): ContactRepo {
  const readingsOf = async (db: Sql, stakeholderId: number) =>
    (
      await db.all<{ reading: string }>(
        'SELECT reading FROM stakeholder_contacts WHERE stakeholder_id = $1 AND reading IS NOT NULL ORDER BY date, id',
        [stakeholderId],
      )
    ).map((r) => JSON.parse(r.reading) as StoredReading);

  return {
    async add(stakeholderId, input, drivesFrom) {
      return sql.transaction(async (tx) => {
        // Written first, so on PostgreSQL two contacts of one person queue on this row and each sees the other's reading.
        const locked = await tx.first<StakeholderRow>('UPDATE stakeholders SET updated_at = $2 WHERE id = $1 RETURNING *', [
          stakeholderId,
          input.now,
        ]);
        if (!locked) return null; // deleted meanwhile
        const before = toStakeholder(locked);
        const row = await tx.first<Row>(
          `INSERT INTO stakeholder_contacts (public_id, stakeholder_id, date, remark, support, next_step, due, reading, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
          [
            input.publicId,
            stakeholderId,
            input.date,
            input.remark,
            input.support,
            input.nextStep,
            input.due,
            input.reading ? JSON.stringify(input.reading) : null,
            input.now,
          ],
        );
        const change: Record<string, string | number> = {};
        if (input.support !== null) {
          const later = await tx.first(
            'SELECT 1 AS later FROM stakeholder_contacts WHERE stakeholder_id = $1 AND support IS NOT NULL AND date > $2 LIMIT 1',
            [stakeholderId, input.date],
          );
          if (!later) change.support = input.support;
        }
        if (!before.lastContact || before.lastContact < input.date) change.lastContact = input.date;
        if (!before.drivesByHand && input.reading) {
          const drives = drivesFrom(await readingsOf(tx, stakeholderId));
          if (!sameDrives(drives, before.drives)) change.drives = JSON.stringify(drives);
        }
        const keys = Object.keys(change);
        const stakeholder = keys.length
          ? await tx.first<StakeholderRow>(
              `UPDATE stakeholders SET ${keys.map((k, i) => `${STAKEHOLDER_COLUMNS[k]!} = $${i + 2}`).join(', ')} WHERE id = $1 RETURNING *`,
              [stakeholderId, ...keys.map((k) => change[k]!)],
            )
          : null;
        await tx.run('UPDATE projects SET updated_at = $1 WHERE id = $2', [input.now, before.projectId]);
        return { contact: toContact(row!), stakeholder: stakeholder ? toStakeholder(stakeholder) : before };
      });
    },
    async list(stakeholderId) {
      return (await sql.all<Row>('SELECT * FROM stakeholder_contacts WHERE stakeholder_id = $1 ORDER BY date, id', [stakeholderId])).map(
        toContact,
      );
    },
    readings: (stakeholderId) => readingsOf(sql, stakeholderId),
    async nextActions(projectId) {
      const rows = await sql.all<Row & { stakeholder_public_id: string; stakeholder_name: string }>(
        `SELECT c.*, s.public_id AS stakeholder_public_id, s.name AS stakeholder_name
         FROM stakeholder_contacts c JOIN stakeholders s ON s.id = c.stakeholder_id
         WHERE s.project_id = $1 AND c.next_step IS NOT NULL AND c.done = FALSE
         ORDER BY c.due IS NULL, c.due, c.date, c.id`,
        [projectId],
      );
      return rows.map((r) => ({ contact: toContact(r), stakeholder: { publicId: r.stakeholder_public_id, name: r.stakeholder_name } }));
    },
    async markDone(projectId, publicId) {
      const row = await sql.first<Row>(
        `UPDATE stakeholder_contacts SET done = TRUE
         WHERE public_id = $2 AND stakeholder_id IN (SELECT id FROM stakeholders WHERE project_id = $1) RETURNING *`,
        [projectId, publicId],
      );
      return row ? toContact(row) : null;
    },
  };
}
