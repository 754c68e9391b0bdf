import { written, type SqliteDb } from './sqlite';
import { PARTICIPANTS_SQL, participantMapper, toWorkshop, type ParticipantDbRow, type WorkshopRow as Row } from './rows';
import type { WorkshopRecord, WorkshopRepo } from './store';

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
  const publishTeam = db.prepare('UPDATE workshops SET team_published = ? WHERE id = ? AND team_published IS ?');
  const removeParticipant = db.prepare('DELETE FROM assessments WHERE id = ? AND workshop_id = ?');
  const purge = db.prepare('DELETE FROM workshops WHERE created_at < ? AND (keep_until IS NULL OR keep_until < ?)');
  const remove = db.prepare('DELETE FROM workshops WHERE id = ?');
  const participants = db.prepare(PARTICIPANTS_SQL.replace('$1', '?'));
  const toParticipant = participantMapper();
  const count = db.prepare('SELECT count(*) FROM assessments WHERE workshop_id = ?').pluck();
  const update = db.transaction((id: number, change: Partial<Pick<WorkshopRecord, 'status' | 'revealed' | 'keepUntil'>>) => {
    if (change.status !== undefined) setStatus.run(change.status, id);
    if (change.revealed !== undefined) setRevealed.run(change.revealed ? 1 : 0, id);
    if (change.keepUntil !== undefined) setKeepUntil.run(change.keepUntil, id);
  });

  return {
    async create(input) {
      const row = written<Row>(insert, { ...input, anonymous: input.anonymous ? 1 : 0 });
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
    async publishTeam(id, expected, next) {
      return publishTeam.run(next, id, expected).changes > 0;
    },
    async purgeExpired(createdBefore, now) {
      return purge.run(createdBefore, now).changes;
    },
    async participants(id) {
      return (participants.all(id) as ParticipantDbRow[]).map(toParticipant);
    },
    async countParticipants(id) {
      return count.get(id) as number;
    },
  };
}
