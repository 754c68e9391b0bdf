import type { Server } from 'node:http';
import { createApp } from './app';
import { ConfigError, configWarnings, loadConfig } from './config';
import { ContentError, loadContent } from './content/load';
import { dbErrorKind } from './db/errors';
import { openStore } from './db/open';
import { createServerLogger } from './logger';
import { purgeExpired, startRateLimitPruning } from './services/retention';
import { createAuditService } from './services/audit';

/** Starts Drijfveer: config, content, database (migrated), HTTP; stops cleanly on SIGTERM/SIGINT. */
async function startUp() {
  try {
    const config = loadConfig();
    const content = loadContent(config.dataDir);
    const { logger, flush } = createServerLogger(config.logLevel);
    // A crash still leaves its reason (and the buffered request lines) in the log.
    process.on('uncaughtException', (err) => {
      logger.fatal({ err }, 'uncaught error; exiting');
      flush();
      process.exit(1);
    });
    for (const warning of configWarnings(config)) logger.warn(warning);
    const store = await openStore(config, { server: true, onError: (err) => logger.warn({ err }, 'database connection problem') });
    const app = createApp({ db: store, config, content, logger });
    return { config, logger, flush, store, app };
  } catch (err) {
    const known = err instanceof ConfigError || err instanceof ContentError;
    // Also PostgreSQL's SQLSTATE classes 28 (login refused), 3D (no such database) and 42 (no rights, no schema).
    const code = (err as { code?: unknown }).code;
    const dbError = dbErrorKind(err) !== null || (typeof code === 'string' && /^(SQLITE_|28|3D|42)/.test(code));
    if (!known && !dbError) throw err;
    console.error(`Drijfveer cannot start.\n${dbError ? `Database: ${(err as Error).message}` : (err as Error).message}`);
    process.exit(1);
  }
}

const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const { config, logger, flush, store, app } = await startUp();

  // Retention: purge at start and then daily.
  const purge = () =>
    purgeExpired(store, config.retention, new Date(), {
      audit: createAuditService(store, { onError: (err, event) => logger.error({ err, event }, 'audit record could not be written') }),
    }).then(
      (removed) => logger.info({ removed }, 'retention purge done'),
      (err: unknown) => logger.error({ err }, 'retention purge failed'),
    );
  await purge();
  const daily = setInterval(() => void purge(), DAY_MS);
  daily.unref();
  // Ended rate-limit counters go within the hour, as the privacy page says.
  const stopPruning = startRateLimitPruning(store, { onError: (err) => logger.error({ err }, 'rate-limit pruning failed') });

  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port, database: store.backend === 'sqlite' ? config.databasePath : 'postgres' }, 'Drijfveer is listening');
    // A plain line next to the JSON log, for people and for tests that start the server.
    console.log(`Drijfveer listening on http://localhost:${port}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    app.live.closeAll(); // live dashboards reconnect to another instance or after the restart
    // Keep-alive connections would hold close() open: close each one as soon as it is idle,
    // while requests in flight still finish.
    server.closeIdleConnections();
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    const finish = async () => {
      clearInterval(sweeper);
      clearInterval(daily);
      stopPruning();
      await store.close();
      logger.info('stopped');
      flush();
      process.exit(0);
    };
    server.close(() => void finish());
    setTimeout(() => {
      logger.error('in-flight requests did not finish within 10 s; exiting');
      flush();
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
