import type { Answers } from '../domain/answers';
import type { Sql } from './sql';

/** One completed, consented assessment's answers, without anything that says whose or when. */
export type ResponseRow = { lang: string; answers: Answers };

// Consent is required to store anything (consent_at NOT NULL); the condition stays so no row without it can slip out.
const EXPORTABLE = 'a.model_version = $1 AND a.completed_at IS NOT NULL AND a.consent_at IS NOT NULL';

/** The item-level answers of every completed, consented assessment of a version, in one snapshot. */
export async function readResponses(sql: Sql, version: string): Promise<ResponseRow[]> {
  return sql.transaction(
    async (tx) => {
      const rows = new Map<number, ResponseRow>();
      for (const r of await tx.all<{ id: number; lang: string }>(`SELECT a.id, a.lang FROM assessments a WHERE ${EXPORTABLE}`, [version]))
        rows.set(r.id, { lang: r.lang, answers: { likert: {}, choice: {} } });
      for (const l of await tx.all<{ assessment_id: number; item_id: string; value: number }>(
        `SELECT l.assessment_id, l.item_id, l.value FROM likert_answers l JOIN assessments a ON a.id = l.assessment_id WHERE ${EXPORTABLE}`,
        [version],
      ))
        rows.get(l.assessment_id)!.answers.likert[l.item_id] = l.value;
      for (const c of await tx.all<{ assessment_id: number; item_id: string; most: string; least: string }>(
        `SELECT c.assessment_id, c.item_id, c.most, c.least FROM choice_answers c JOIN assessments a ON a.id = c.assessment_id WHERE ${EXPORTABLE}`,
        [version],
      ))
        rows.get(c.assessment_id)!.answers.choice[c.item_id] = { most: c.most, least: c.least };
      return [...rows.values()];
    },
    { snapshot: true },
  );
}
