import type { Pool } from 'pg';
import { changed, inTransaction, row, rows } from './pg';
import { PARTICIPANTS_SQL, participantMapper, toWorkshop, type ParticipantDbRow, type WorkshopRow as Row } from './rows';
import type { WorkshopRepo } from './store';

const one = async (p: Promise<Row | null>) => {
  const r = await p;
  return r ? toWorkshop(r) : null;
};

export function createPgWorkshopRepo(pool: Pool): WorkshopRepo {
  const toParticipant = participantMapper();

  return {
    async create(input) {
      const r = await row<Row>(
        pool,
        `INSERT INTO workshops (public_id, owner_id, title, lang, anonymous, min_group_size, code, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8) ON CONFLICT (code) DO NOTHING RETURNING *`,
        [input.publicId, input.ownerId, input.title, input.lang, input.anonymous ? 1 : 0, input.minGroupSize, input.code, input.createdAt],
      );
      return r ? toWorkshop(r) : 'code_taken';
    },
    findByPublicId: (publicId) => one(row<Row>(pool, 'SELECT * FROM workshops WHERE public_id = $1', [publicId])),
    findByCode: (code) => one(row<Row>(pool, 'SELECT * FROM workshops WHERE code = $1', [code])),
    findById: (id) => one(row<Row>(pool, 'SELECT * FROM workshops WHERE id = $1', [id])),
    async list(ownerId) {
      const all = ownerId === null;
      const sql = `SELECT * FROM workshops ${all ? '' : 'WHERE owner_id = $1 '}ORDER BY created_at DESC, id DESC`;
      return (await rows<Row>(pool, sql, all ? [] : [ownerId])).map(toWorkshop);
    },
    async update(id, change) {
      await inTransaction(pool, async (c) => {
        if (change.status !== undefined) await c.query('UPDATE workshops SET status = $1 WHERE id = $2', [change.status, id]);
        if (change.revealed !== undefined) await c.query('UPDATE workshops SET revealed = $1 WHERE id = $2', [change.revealed ? 1 : 0, id]);
        if (change.keepUntil !== undefined) await c.query('UPDATE workshops SET keep_until = $1 WHERE id = $2', [change.keepUntil, id]);
      });
    },
    async remove(id) {
      await pool.query('DELETE FROM workshops WHERE id = $1', [id]);
    },
    async removeParticipant(workshopId, assessmentId) {
      return (await changed(pool, 'DELETE FROM assessments WHERE id = $1 AND workshop_id = $2', [assessmentId, workshopId])) > 0;
    },
    async publishTeam(id, expected, next) {
      return (await changed(pool, 'UPDATE workshops SET team_published = $1 WHERE id = $2 AND team_published IS NOT DISTINCT FROM $3', [next, id, expected])) > 0;
    },
    async purgeExpired(createdBefore, now) {
      return changed(pool, 'DELETE FROM workshops WHERE created_at < $1 AND (keep_until IS NULL OR keep_until < $2)', [createdBefore, now]);
    },
    async participants(id) {
      return (await rows<ParticipantDbRow>(pool, PARTICIPANTS_SQL, [id])).map(toParticipant);
    },
    async countParticipants(id) {
      return (await row<{ n: number }>(pool, 'SELECT count(*) AS n FROM assessments WHERE workshop_id = $1', [id]))!.n;
    },
  };
}
