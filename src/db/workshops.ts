import { PARTICIPANTS_SQL, participantMapper, toWorkshop, type ParticipantDbRow, type WorkshopRow as Row } from './rows';
import type { Sql } from './sql';
import type { WorkshopRepo } from './store';

/** Workshops and their participants, on either backend. */
export function createWorkshopRepo(sql: Sql): WorkshopRepo {
  const toParticipant = participantMapper();
  const one = async (text: string, value: string | number) => {
    const row = await sql.first<Row>(text, [value]);
    return row ? toWorkshop(row) : null;
  };
  return {
    async create(input) {
      const row = await sql.first<Row>(
        `INSERT INTO workshops (public_id, owner_id, title, lang, anonymous, min_group_size, code, status, created_at, points)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9) ON CONFLICT (code) DO NOTHING RETURNING *`,
        [
          input.publicId,
          input.ownerId,
          input.title,
          input.lang,
          input.anonymous,
          input.minGroupSize,
          input.code,
          input.createdAt,
          input.points ?? false,
        ],
      );
      return row ? toWorkshop(row) : 'code_taken';
    },
    findByPublicId: (publicId) => one('SELECT * FROM workshops WHERE public_id = $1', publicId),
    findByCode: (code) => one('SELECT * FROM workshops WHERE code = $1', code),
    findById: (id) => one('SELECT * FROM workshops WHERE id = $1', id),
    async list(ownerId) {
      type Listed = Row & { shared: number | boolean };
      const rows =
        ownerId === null
          ? await sql.all<Listed>('SELECT *, FALSE AS shared FROM workshops ORDER BY created_at DESC, id DESC')
          : await sql.all<Listed>(
              `SELECT *, owner_id <> $1 AS shared FROM workshops
               WHERE owner_id = $1 OR id IN (SELECT workshop_id FROM workshop_trainers WHERE user_id = $1)
               ORDER BY created_at DESC, id DESC`,
              [ownerId],
            );
      return rows.map((r) => ({ ...toWorkshop(r), shared: Boolean(r.shared) }));
    },
    async setAgreements(id, items) {
      await sql.run('UPDATE workshops SET agreements = $2 WHERE id = $1', [id, JSON.stringify(items)]);
    },
    async addTrainer(workshopId, userId, now) {
      const added = await sql.run(
        'INSERT INTO workshop_trainers (workshop_id, user_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [workshopId, userId, now],
      );
      return added > 0 ? 'added' : 'exists';
    },
    async removeTrainer(workshopId, userId) {
      return (await sql.run('DELETE FROM workshop_trainers WHERE workshop_id = $1 AND user_id = $2', [workshopId, userId])) > 0;
    },
    async trainers(workshopId) {
      const rows = await sql.all<{ id: number; email: string; name: string; added_at: string }>(
        `SELECT u.id, u.email, u.name, t.added_at FROM workshop_trainers t JOIN users u ON u.id = t.user_id
         WHERE t.workshop_id = $1 ORDER BY t.added_at, u.id`,
        [workshopId],
      );
      return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, addedAt: r.added_at }));
    },
    async isTrainer(workshopId, userId) {
      return (
        (await sql.first('SELECT 1 AS yes FROM workshop_trainers WHERE workshop_id = $1 AND user_id = $2', [workshopId, userId])) !== null
      );
    },
    async update(id, change) {
      // One statement: a field left out keeps its value.
      await sql.run(
        `UPDATE workshops SET status = coalesce($2, status), revealed = coalesce($3, revealed),
           keep_until = CASE WHEN $4 THEN $5 ELSE keep_until END WHERE id = $1`,
        [id, change.status ?? null, change.revealed ?? null, change.keepUntil !== undefined, change.keepUntil ?? null],
      );
    },
    async remove(id) {
      await sql.run('DELETE FROM workshops WHERE id = $1', [id]);
    },
    async removeParticipant(workshopId, assessmentId) {
      return (await sql.run('DELETE FROM assessments WHERE id = $1 AND workshop_id = $2', [assessmentId, workshopId])) > 0;
    },
    async publishTeam(id, expected, next) {
      return (
        (await sql.run('UPDATE workshops SET team_published = $1 WHERE id = $2 AND team_published IS NOT DISTINCT FROM $3', [
          next,
          id,
          expected,
        ])) > 0
      );
    },
    async purgeExpired(createdBefore, now) {
      return sql.run('DELETE FROM workshops WHERE created_at < $1 AND (keep_until IS NULL OR keep_until < $2)', [createdBefore, now]);
    },
    async participants(id) {
      return (await sql.all<ParticipantDbRow>(PARTICIPANTS_SQL, [id])).map(toParticipant);
    },
    async countParticipants(id) {
      return (await sql.first<{ n: number }>('SELECT count(*) AS n FROM assessments WHERE workshop_id = $1', [id]))!.n;
    },
  };
}
