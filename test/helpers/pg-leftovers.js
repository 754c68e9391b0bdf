// Jest's global teardown: drops the reused PostgreSQL test schemas (test/helpers/pg-test-schemas.ts) of jest worker
// processes that have ended (and of this process: a run in band), this run's and a crashed earlier run's, but never
// those of a run still going.
const pg = require('pg');

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
};

module.exports = async function dropLeftoverSchemas() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const names = (await c.query("SELECT nspname AS n FROM pg_namespace WHERE nspname LIKE 't\\_p%\\_%'")).rows.map((r) => r.n);
    for (const n of names) {
      const pid = Number(/^t_p(\d+)_\d+$/.exec(n)?.[1]);
      // In-band runs (one file) use this very process.
      if (Number.isInteger(pid) && pid > 0 && (pid === process.pid || !alive(pid)))
        await c.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(n)} CASCADE`);
    }
  } finally {
    await c.end();
  }
};
