import { closeTestStores } from './backend';

// Every test file: stores made inside a test close after it; those of beforeAll after the file.
// (PostgreSQL stores hold connections and a schema each; SQLite ones are in memory.)
afterEach(() => closeTestStores(false));
afterAll(() => closeTestStores(true));
