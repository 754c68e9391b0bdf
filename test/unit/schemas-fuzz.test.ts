import fc from 'fast-check';
import type { z } from 'zod';
import { modelSchema } from '../../src/domain/model';
import { lexiconSchema } from '../../src/domain/reader/lexicon';
import { adviceSchema } from '../../src/domain/reader/advice';
import { checkPatch } from '../../src/domain/answers';
import { recognise } from '../../src/domain/reader/recognise';
import { answersBody, createBody as assessmentBody } from '../../src/routes/assessments/api';
import { createBody as sessionBody } from '../../src/routes/workshops/api';
import { batchBody, correctionBody, recogniseBody } from '../../src/routes/toolkit/api';
import { credentials, loginForm } from '../../src/routes/auth/routes';
import { startForm } from '../../src/routes/assessments/start-pages';
import { joinForm } from '../../src/routes/workshops/join-pages';
import { createForm } from '../../src/routes/workshops/pages';
import { correctionForm, form as readerForm } from '../../src/routes/toolkit/reader-pages';
import { corpusFileSchema } from '../../src/domain/reader/corpus';
import { modelFileSchema } from '../../src/domain/reader/classifier';
import { correctionsFileSchema } from '../../src/domain/reader/corrections';
import { newProjectBody, newStakeholderBody, projectPatchBody, stakeholderPatchBody } from '../../src/routes/projects/schemas';
import { loadConfig, ConfigError } from '../../src/config';
import { realContent } from '../helpers/content';

// Every schema: random input gives a result (success or a validation error), never an exception.
const schemas: [string, z.ZodType][] = [
  ['drive model', modelSchema],
  ['cue lexicon', lexiconSchema],
  ['advice', adviceSchema],
  ['new assessment', assessmentBody],
  ['answers', answersBody],
  ['new session', sessionBody],
  ['recognize', recogniseBody],
  ['recognize batch', batchBody],
  ['reader correction', correctionBody],
  ['reader correction form', correctionForm],
  ['reader corpus file', corpusFileSchema],
  ['reader model file', modelFileSchema],
  ['reader corrections file', correctionsFileSchema],
  ['login credentials', credentials],
  ['login form', loginForm],
  ['start form', startForm],
  ['join form', joinForm],
  ['trainer session form', createForm],
  ['reader form', readerForm],
  ['new project', newProjectBody],
  ['project patch', projectPatchBody],
  ['new stakeholder', newStakeholderBody],
  ['stakeholder patch', stakeholderPatchBody],
];

describe('zod schemas under random input', () => {
  test.each(schemas)('The %s schema never throws on random input', (_name, schema) => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.object(),
          fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
        ),
        (input) => {
          const result = schema.safeParse(input);
          expect(typeof result.success).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  test('Configuration from random environments either loads or fails with a ConfigError naming a variable', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'PORT',
            'HOST',
            'NODE_ENV',
            'SQLITE_SYNCHRONOUS',
            'RATE_LIMIT_LOGIN_PER_IP',
            'PUBLIC_URL',
            'SESSION_SECRET',
            'RETENTION_SESSION_DAYS',
          ),
          fc.string(),
        ),
        (env) => {
          try {
            loadConfig(env);
          } catch (err) {
            expect(err).toBeInstanceOf(ConfigError);
            expect((err as Error).message).toMatch(/[A-Z_]+:/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('domain functions under random input', () => {
  const index = realContent().current;
  const ids = [...index.likertById.keys(), ...index.choiceById.keys(), 'X1', '__proto__', 'constructor'];
  const option = fc.constantFrom(...[...index.optionById.keys(), 'nope', '']);

  test('checkPatch() reports problems as field errors and never throws', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            likert: fc.dictionary(fc.constantFrom(...ids), fc.oneof(fc.integer(), fc.double())),
            choice: fc.dictionary(fc.constantFrom(...ids), fc.record({ most: option, least: option })),
            durations: fc.dictionary(fc.constantFrom(...ids), fc.nat()),
          },
          { requiredKeys: [] },
        ),
        (patch) => {
          const errors = checkPatch(index, patch);
          for (const e of errors) expect(e.field).toMatch(/^(likert|choice|durations)\./);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('recognise() handles any text, language and behaviours without throwing', () => {
    const { lexicons, advice } = realContent().reader;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), fc.subarray(advice.behaviours), (text, behaviours) => {
        const r = recognise({ text, behaviours }, lexicons);
        expect(['nl', 'en']).toContain(r.lang);
      }),
      { numRuns: 300 },
    );
  });
});
