import { checkPatch, countAnswered, missingItems, type AnswerPatch, type Answers } from '../domain/answers';
import type { Lang } from '../domain/drives';
import type { ModelIndex } from '../domain/model-index';
import { scoreProfile, type ScoredProfile } from '../domain/scoring';
import type { Content } from '../content/load';
import { translator } from '../content/texts';
import type { AssessmentRecord, Store } from '../db/store';
import { AppError } from '../errors';
import { hashToken, isWellFormedToken, newToken } from './tokens';
import { createAuditService, type AuditService } from './audit';

export type ApiProfile = Omit<ScoredProfile, 'flags'> & {
  lang: Lang;
  completedAt: string;
  name?: string;
  flags: { code: string; message: string }[];
};
export type Progress = { answered: number; total: number };
export type AssessmentState = { record: AssessmentRecord; answers: Answers; index: ModelIndex } & Progress;

const notFound = () => new AppError('not_found', 'No assessment was found for this link.');

export type AssessmentServiceOptions = {
  now?: () => Date;
  /** Called after a workshop participant joins, answers, completes or is deleted (drives the live dashboard). */
  /** `progress`: only answers were saved; `members`: someone joined, completed or left. */
  onWorkshopChange?: (workshopId: number, what: 'progress' | 'members') => void;
  /** Called after a profile of this model version is completed or deleted (norms change). */
  onProfilesChange?: (modelVersion: string) => void;
  audit?: AuditService;
};

export function createAssessmentService(store: Store, content: Content, options: AssessmentServiceOptions = {}) {
  const repo = store.assessments;
  const now = options.now ?? (() => new Date());
  const audit = options.audit ?? createAuditService(store);
  // The privacy text's version, recorded with every consent.
  const consentVersion = () => content.texts.nl.get('privacy.version') ?? 'unknown';
  const changed = (record: AssessmentRecord) => {
    if (record.workshopId !== null) options.onWorkshopChange?.(record.workshopId, 'members');
  };
  const hashOf = (token: string) => {
    if (!isWellFormedToken(token)) throw notFound();
    return hashToken(token);
  };
  const modelOf = (record: AssessmentRecord): ModelIndex => {
    const index = content.models.get(record.modelVersion);
    if (!index) throw new AppError('unavailable', `Model version ${record.modelVersion} is not installed.`);
    return index;
  };

  function toApiProfile(record: AssessmentRecord): ApiProfile {
    if (!record.profile || !record.completedAt) throw new AppError('not_completed', 'This assessment is not completed yet.');
    const t = translator(content.texts[record.lang]);
    const { flags, ...rest } = record.profile;
    return {
      ...rest,
      lang: record.lang,
      completedAt: record.completedAt,
      ...(record.name ? { name: record.name } : {}),
      flags: flags.map((code) => ({ code, message: t(`flags.${code}`) })),
    };
  }

  return {
    toApiProfile,
    modelOf,
    /** Items a participant answers (likert statements and situations) in the current model. */
    totalItems: () => content.current.total,

    async create(input: {
      lang: Lang;
      name: string | null;
      workshopId?: number;
      userId?: number;
    }): Promise<{ token: string; record: AssessmentRecord }> {
      const token = newToken();
      const record = await repo.create({
        tokenHash: hashToken(token),
        lang: input.lang,
        name: input.name,
        modelVersion: content.current.model.version,
        consentVersion: consentVersion(),
        now: now().toISOString(),
        workshopId: input.workshopId ?? null,
        userId: input.userId ?? null,
      });
      changed(record);
      return { token, record };
    },

    /** The cache key of a private link (its token's hash) and whether it is completed; 404 when unknown. */
    async status(token: string): Promise<{ key: string; status: 'in_progress' | 'completed'; modelVersion: string }> {
      const key = hashOf(token);
      const { status, modelVersion } = await repo.statusOf(key);
      if (status === 'missing') throw notFound();
      return { key, status, modelVersion: modelVersion! };
    },

    async load(token: string): Promise<AssessmentRecord> {
      const record = await repo.findByTokenHash(hashOf(token));
      if (!record) throw notFound();
      return record;
    },

    async state(token: string): Promise<AssessmentState> {
      const found = await repo.findWithAnswers(hashOf(token));
      if (!found) throw notFound();
      const index = modelOf(found.record);
      const answers = found.stored.answers;
      return { record: found.record, answers, index, answered: countAnswered(index, answers), total: index.total };
    },

    /** Validates against the assessment's model, then merges; nothing of a bad request is stored. One transaction. */
    async saveAnswers(token: string, patch: AnswerPatch): Promise<Progress> {
      let index: ModelIndex | undefined;
      const result = await repo.saveAnswers(hashOf(token), patch, now().toISOString(), (version) => {
        index = content.models.get(version);
        if (!index) throw new AppError('unavailable', `Model version ${version} is not installed.`);
        return checkPatch(index, patch);
      });
      if (result.status === 'not_found') throw notFound();
      if (result.status === 'completed')
        throw new AppError('already_completed', 'This assessment is completed; answers can no longer change.');
      if (result.status === 'invalid') throw new AppError('validation_failed', 'Some answers are not valid.', { fields: result.errors });
      if (result.workshopId !== null) options.onWorkshopChange?.(result.workshopId, 'progress');
      return { answered: result.answered, total: index!.total };
    },

    async complete(token: string): Promise<AssessmentRecord> {
      const result = await repo.complete(hashOf(token), now().toISOString(), (stored, version) => {
        const index = content.models.get(version);
        if (!index) throw new AppError('unavailable', `Model version ${version} is not installed.`);
        const missing = missingItems(index, stored.answers);
        return missing.length ? { missing } : scoreProfile(index, stored.answers, stored.durationsMs);
      });
      switch (result.status) {
        case 'completed':
          changed(result.record);
          options.onProfilesChange?.(result.record.modelVersion);
          return result.record;
        case 'incomplete':
          throw new AppError('incomplete', 'Some questions have not been answered yet.', { missing: result.missing });
        case 'already_completed':
          throw new AppError('already_completed', 'This assessment is already completed.');
        default:
          throw notFound();
      }
    },

    /** Everything stored about this assessment, for the person's own download (AVG/GDPR access). */
    async exportData(token: string) {
      const data = await repo.exportData(hashOf(token));
      if (!data) throw notFound();
      const { record, answers, workshopTitle } = data;
      // Only that a download happened: no link, no name, no workshop (that could point to the person).
      await audit.record({ actor: 'participant', action: 'export.own' });
      return {
        exportedAt: now().toISOString(),
        assessment: {
          name: record.name,
          lang: record.lang,
          createdAt: record.createdAt,
          consent: { at: record.consentAt, textVersion: record.consentVersion },
          modelVersion: record.modelVersion,
          completedAt: record.completedAt,
          session: workshopTitle,
          linkedToAccount: record.userId !== null,
        },
        answers,
        // What they answered in workshop exercises, and which answers of others they voted for.
        exercises: await store.exercises.answersOf(record.id),
        votes: await store.exercises.votesOf(record.id),
        profile: record.profile,
        notStored: 'No IP address, browser details or e-mail address are stored with an assessment.',
      };
    },

    async remove(token: string): Promise<void> {
      const hash = hashOf(token);
      const record = await repo.findByTokenHash(hash);
      if (!record || !(await repo.delete(hash))) throw notFound();
      await store.scrub(); // the deleted name and answers leave the database's files too
      await audit.recordAfter({ actor: 'participant', action: 'delete.assessment', detail: { completed: record.completedAt !== null } });
      changed(record);
      if (record.completedAt) options.onProfilesChange?.(record.modelVersion);
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
