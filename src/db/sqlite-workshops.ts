import type { Lang } from '../domain/drives';
import type { ScoredProfile } from '../domain/scoring';
import type { SqliteDb } from './sqlite';
import type { ParticipantRow, WorkshopRecord, WorkshopRepo } from './store';

type Row = {
  id: number;
  public_id: string;
  owner_id: number;
  title: string;
  lang: Lang;
  anonymous: number;
  min_group_size: number;
  code: string;
  status: 'open' | 'closed';
  revealed: number;
  created_at: string;
  keep_until: string | null;
};
const toWorkshop = (r: Row): WorkshopRecord => ({
  id: r.id,
  publicId: r.public_id,
  ownerId: r.owner_id,
  title: r.title,
  lang: r.lang,
  anonymous: r.anonymous === 1,
  minGroupSize: r.min_group_size,
  code: r.code,
  status: r.status,
  revealed: r.revealed === 1,
  createdAt: r.created_at,
  keepUntil: r.keep_until,
});

export function createSqliteWorkshopRepo(db: SqliteDb): WorkshopRepo {
  const insert = db.prepare(
    `INSERT INTO workshops (public_id, owner_id, title, lang, anonymous, min_group_size, code, status, created_at)
     VALUES (@publicId, @ownerId, @title, @lang, @anonymous, @minGroupSize, @code, 'open', @createdAt)
     ON CONFLICT (code) DO NOTHING RETURNING *`,
  );
  const byPublicId = db.prepare('SELECT * FROM workshops WHERE public_id = ?');
  const byCode = db.prepare('SELECT * FROM workshops WHERE code = ?');
  const byId = db.prepare('SELECT * FROM workshops WHERE id = ?');
  const all = db.prepare('SELECT * FROM workshops ORDER BY created_at DESC, id DESC');
  const ofOwner = db.prepare('SELECT * FROM workshops WHERE owner_id = ? ORDER BY created_at DESC, id DESC');
  const setStatus = db.prepare('UPDATE workshops SET status = ? WHERE id = ?');
  const setRevealed = db.prepare('UPDATE workshops SET revealed = ? WHERE id = ?');
  const setKeepUntil = db.prepare('UPDATE workshops SET keep_until = ? WHERE id = ?');
  const removeParticipant = db.prepare('DELETE FROM assessments WHERE id = ? AND workshop_id = ?');
  const purge = db.prepare('DELETE FROM workshops WHERE created_at < ? AND (keep_until IS NULL OR keep_until < ?)');
  const remove = db.prepare('DELETE FROM workshops WHERE id = ?');
  // Answers are only counted for participants still busy; a completed one has answered everything.
  const participants = db.prepare(
    `SELECT a.id, a.name, a.created_at, a.completed_at, a.profile_json, a.model_version,
       CASE WHEN a.completed_at IS NULL THEN
         (SELECT count(*) FROM likert_answers l WHERE l.assessment_id = a.id)
         + (SELECT count(*) FROM choice_answers c WHERE c.assessment_id = a.id) END AS answered
     FROM assessments a WHERE a.workshop_id = ? ORDER BY a.id`,
  );
  // A completed profile never changes: parse each one once (keyed by id and completion time, as ids can be reused).
  const parsed = new Map<string, ScoredProfile>();
  const profileOf = (id: number, completedAt: string, json: string): ScoredProfile => {
    const key = `${id}|${completedAt}`;
    let p = parsed.get(key);
    if (!p) {
      if (parsed.size > 50_000) parsed.clear();
      parsed.set(key, (p = JSON.parse(json) as ScoredProfile));
    }
    return p;
  };
  const count = db.prepare('SELECT count(*) FROM assessments WHERE workshop_id = ?').pluck();
  const update = db.transaction((id: number, change: Partial<Pick<WorkshopRecord, 'status' | 'revealed' | 'keepUntil'>>) => {
    if (change.status !== undefined) setStatus.run(change.status, id);
    if (change.revealed !== undefined) setRevealed.run(change.revealed ? 1 : 0, id);
    if (change.keepUntil !== undefined) setKeepUntil.run(change.keepUntil, id);
  });

  return {
    async create(input) {
      const row = insert.get({ ...input, anonymous: input.anonymous ? 1 : 0 }) as Row | undefined;
      return row ? toWorkshop(row) : 'code_taken';
    },
    async findByPublicId(publicId) {
      const row = byPublicId.get(publicId) as Row | undefined;
      return row ? toWorkshop(row) : null;
    },
    async findByCode(code) {
      const row = byCode.get(code) as Row | undefined;
      return row ? toWorkshop(row) : null;
    },
    async findById(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toWorkshop(row) : null;
    },
    async list(ownerId) {
      return ((ownerId === null ? all.all() : ofOwner.all(ownerId)) as Row[]).map(toWorkshop);
    },
    async update(id, change) {
      update(id, change);
    },
    async remove(id) {
      remove.run(id);
    },
    async removeParticipant(workshopId, assessmentId) {
      return removeParticipant.run(assessmentId, workshopId).changes > 0;
    },
    async purgeExpired(createdBefore, now) {
      return purge.run(createdBefore, now).changes;
    },
    async participants(id) {
      type P = { id: number; name: string | null; created_at: string; completed_at: string | null; profile_json: string | null; answered: number | null };
      return (participants.all(id) as P[]).map(
        (r): ParticipantRow => ({
          id: r.id,
          name: r.name,
          answered: r.answered,
          completedAt: r.completed_at,
          profile: r.profile_json && r.completed_at ? profileOf(r.id, r.completed_at, r.profile_json) : null,
          joinedAt: r.created_at,
        }),
      );
    },
    async countParticipants(id) {
      return count.get(id) as number;
    },
  };
}
