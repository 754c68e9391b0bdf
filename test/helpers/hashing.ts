import type { Store } from '../../src/db/store';
import { createUserService } from '../../src/services/users';
import { createPasswords, DEFAULT_HASHING } from '../../src/services/passwords';
/**
 * A cheap scrypt cost (N=2^10) for tests, so a user costs milliseconds instead of a second or more; stored
 * hashes carry their cost. Production refuses a low cost, so production-mode runs keep the real one.
 */
export const TEST_SCRYPT_COST = '10';
export const testHashing = (env: Record<string, string | undefined> = {}): Record<string, string> =>
  env.NODE_ENV === 'production' ? {} : { PASSWORD_SCRYPT_COST: TEST_SCRYPT_COST };

/** The user service with the cheap test cost, for tests that set up accounts straight in a store. */
export const testUserService = (store: Store) =>
  createUserService(store, createPasswords({ ...DEFAULT_HASHING, costLog2: Number(TEST_SCRYPT_COST) }));
