import type { Server } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { ContentError, loadContent } from './content/load';
import { openSqliteStore } from './db/sqlite-store';
import { createLogger } from './logger';
import { DATA_DIR } from './paths';

/** Starts Drijfveer: config, content, database (migrated), HTTP; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  let content;
  try {
    config = loadConfig();
    content = loadContent(DATA_DIR);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof ContentError) {
      console.error(`Drijfveer cannot start.\n${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const store = openSqliteStore(config.databasePath, config.sqliteSynchronous);
  const app = createApp({ db: store, config, content, logger });

  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ port, database: config.databasePath }, 'Drijfveer is listening');
    // A plain line next to the JSON log, for people and for tests that start the server.
    console.log(`Drijfveer listening on http://localhost:${port}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    // Keep-alive connections would hold close() open: close each one as soon as it is idle,
    // while requests in flight still finish.
    server.closeIdleConnections();
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    server.close(async () => {
      clearInterval(sweeper);
      await store.close();
      logger.info('stopped');
      process.exit(0);
    });
    setTimeout(() => {
      logger.error('in-flight requests did not finish within 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
