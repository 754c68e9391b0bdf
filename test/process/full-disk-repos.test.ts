import path from 'node:path';
import { openSqliteStore } from '../../src/db/sqlite/store';
import { useTmpfs } from '../helpers/tmpfs';

/**
 * Each SQLite repository write that uses RETURNING, on a real full disk (a filled tmpfs): better-sqlite3's
 * .get() on such a statement used to drop the error of the commit and return a row that was never stored.
 */
const disk = useTmpfs('test/process/full-disk-repos.test.ts');

describe('every SQLite write with RETURNING, on a real full disk', () => {
  let afterTest = async () => undefined as void;
  afterEach(() => afterTest());

  test('When the disk is full, then each one is refused with SQLITE_FULL or what it returned is stored', async () => {
    const store = openSqliteStore(path.join(disk.root(), 'repos.sqlite'));
    afterTest = () => store.close();
    const now = new Date().toISOString();
    const assessment = (i: number) => ({
      tokenHash: `hash-${i}`,
      lang: 'nl' as const,
      name: null,
      modelVersion: '1',
      consentVersion: '1',
      now,
    });
    const owner = await store.users.create({ email: 'repo@example.nl', name: 'Repo', role: 'trainer', passwordHash: 'x', now });
    if (owner === 'email_taken') throw new Error('fresh database');
    const fields = { client: 'C', system: 'S', phase: 'P', notes: '' };
    const project = await store.projects.create({ ...fields, publicId: 'project-1', ownerId: owner.id, now });
    const person = { name: 'N', department: '', influence: 3, support: 0, drives: [], concerns: '', approach: '', lastContact: null };
    const stakeholder = await store.projects.addStakeholder(project.id, { ...person, publicId: 'stakeholder-1', now });
    disk.fill();
    const outcomes: Record<string, 'refused' | (() => Promise<boolean>)> = {};
    // Until the first refusal, SQLite may reuse space it already holds; those writes must be stored.
    for (let i = 0; i < 300 && !Object.values(outcomes).includes('refused'); i++) {
      outcomes[`assessments.create ${i}`] = await attempt(
        store.assessments.create(assessment(i)),
        async () => (await store.assessments.findByTokenHash(`hash-${i}`)) !== null,
      );
    }
    const attempts: [string, () => Promise<unknown>, () => Promise<boolean>][] = [
      [
        'users.create',
        () => store.users.create({ email: 'new@example.nl', name: 'New', role: 'trainer', passwordHash: 'x', now }),
        async () => (await store.users.findForLogin('new@example.nl')) !== null,
      ],
      [
        'workshops.create',
        () =>
          store.workshops.create({
            publicId: 'w-1',
            ownerId: owner.id,
            title: 'W',
            lang: 'nl',
            anonymous: false,
            minGroupSize: 3,
            code: 'ABC234',
            createdAt: now,
          }),
        async () => (await store.workshops.findByCode('ABC234')) !== null,
      ],
      [
        'projects.create',
        () => store.projects.create({ ...fields, publicId: 'project-2', ownerId: owner.id, now }),
        async () => (await store.projects.find('project-2')) !== null,
      ],
      [
        'projects.update',
        () => store.projects.update(project.id, { client: 'Changed' }, now),
        async () => (await store.projects.find('project-1'))?.client === 'Changed',
      ],
      [
        'projects.addStakeholder',
        () => store.projects.addStakeholder(project.id, { ...person, publicId: 'stakeholder-2', now }),
        async () => (await store.projects.findStakeholder(project.id, 'stakeholder-2')) !== null,
      ],
      [
        'projects.updateStakeholder',
        () => store.projects.updateStakeholder(stakeholder.id, { name: 'Changed' }, now),
        async () => (await store.projects.findStakeholder(project.id, 'stakeholder-1'))?.name === 'Changed',
      ],
      [
        'stats.createNormTable',
        () => store.stats.createNormTable('1', 0, {} as never, now),
        async () => (await store.stats.normTables('1')).length > 0,
      ],
      [
        'rateLimits.hit',
        () => store.rateLimits.hit('key', 60_000, Date.now()),
        async () => (await store.rateLimits.hit('key', 60_000, Date.now())).hits === 2,
      ],
    ];
    for (const [name, write, stored] of attempts) outcomes[name] = await attempt(write(), stored);
    disk.free();
    const lost: string[] = [];
    for (const [name, outcome] of Object.entries(outcomes)) if (outcome !== 'refused' && !(await outcome())) lost.push(name);
    expect(lost).toEqual([]);
    expect(Object.values(outcomes)).toContain('refused');
  });
});

/** 'refused' when the write threw SQLITE_FULL; otherwise the check that its result is stored. */
async function attempt(write: Promise<unknown>, stored: () => Promise<boolean>): Promise<'refused' | (() => Promise<boolean>)> {
  try {
    await write;
    return stored;
  } catch (err) {
    expect((err as { code?: string }).code).toBe('SQLITE_FULL');
    return 'refused';
  }
}
