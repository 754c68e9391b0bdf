#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { Cancelled, readPassword } from './cli-prompt';
import { ConfigError, loadConfig } from './config';
import { openSqliteStore } from './db/sqlite/store';
import { openStore } from './db/open';
import { copyToPostgres } from './db/copy-to-postgres';
import type { Role } from './db/store';
import { AppError } from './errors';
import { ROLES, createUserService } from './services/users';
import { createPasswords } from './services/passwords';
import { purgeExpired } from './services/retention';
import { backupTo, integrityOf, restoreFrom } from './db/sqlite/backup';
import { runSimulate } from './tools/simulate-command';
import { runExportResponses } from './tools/export-responses';
import { runReaderCorrections } from './tools/reader-corrections';

const HELP = `Drijfveer command line (works while the server runs: same database file, DATABASE_PATH).

Usage: npm run cli -- <command> [options]

  user add --email E --name N --role trainer|consultant|admin
      Creates a user. The password (at least 12 characters) is read from standard input
      (its first line) when that is not a terminal, and asked for otherwise.
  user list
      Lists users: e-mail, name, role, created.
  user passwd --email E
      Sets a new password, read like "user add" does.
  user remove --email E
      Removes the user with everything that is theirs: their own profiles, their projects (with
      stakeholders), their sessions and those sessions' participants' data. This cannot be undone.
  purge
      Deletes what is past its retention period (RETENTION_UNFINISHED_DAYS, RETENTION_SESSION_DAYS,
      RETENTION_SURVEY_DAYS, AUDIT_RETENTION_DAYS);
      the server also does this at start and daily.
  backup FILE
      Writes a consistent copy of the database to FILE (a new file), also while the server runs.
  restore FILE
      Checks FILE's integrity and then replaces the database with it. Stop the server first.
  copy-to-postgres [--from FILE] [--to postgres://…]
      Copies the SQLite database (default DATABASE_PATH) into an empty PostgreSQL database (default
      DATABASE_URL), then counts and compares every table on both sides. Stop the server first.
  simulate --n 1000 [--reliability 0.8] [--seed 1] [--correlation 0.3] [--acquiescence 0.5]
           [--straight-lining 0.05] [--random 0.1] [--desirability 0.5]
      Adds N synthetic completed profiles drawn from a latent-trait model with the given reliability,
      to check the statistics on the quality page and the careless flag. The threats are off unless given:
      correlation between drives (0–0.95), acquiescence and desirability (pull strength, 0–3), and the share
      of straight-liners and of random responders (0–1). For a test or demo database, not a real one.
  export-responses --model-version V [--out FILE]
      Writes the anonymised answers of every completed profile of model version V as CSV (to FILE, a new
      file, or to standard output): a random row id, version, language, L01… and S01_most, S01_least….
      No names, links, sessions or dates. For an external factor analysis (README, "How we will validate this").
  reader-corrections export [--out FILE]
      Writes the drive reader's corrections whose text the consultant allowed to keep, as JSON (to FILE,
      a new file, or to standard output): text, language, the drive read and the drive chosen; no account.
      A person reviews each: removes any name left in the text, checks the drive, sets "reviewed": true;
      then: npm run reader:train -- --with FILE.
  --help
      Shows this text.

Examples:
  echo 'a-long-password-here' | npm run cli -- user add --email anna@example.nl --name "Anna" --role trainer
  npm run cli -- user list`;

export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      n: { type: 'string' },
      reliability: { type: 'string' },
      seed: { type: 'string' },
      correlation: { type: 'string' },
      acquiescence: { type: 'string' },
      'straight-lining': { type: 'string' },
      random: { type: 'string' },
      desirability: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'model-version': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [area, command] = positionals;
  if (values.help || !area) {
    out(HELP);
    return values.help ? 0 : 2;
  }
  if (area === 'purge' || area === 'backup' || area === 'restore') return runMaintenance(area, command, out);
  if (area === 'export-responses') return runExportResponses({ version: values['model-version'], out: values.out }, out);
  if (area === 'reader-corrections') return runReaderCorrections({ command, out: values.out }, out);
  if (area === 'copy-to-postgres') return runCopy(values.from, values.to, out);
  if (area === 'simulate') return runSimulate({ ...values, straight: values['straight-lining'] }, out);
  if (area !== 'user' || !['add', 'list', 'passwd', 'remove'].includes(command ?? '')) {
    out(`Unknown command "${positionals.join(' ')}".\n\n${HELP}`);
    return 2;
  }
  const need = (key: 'email' | 'name' | 'role') => {
    if (!values[key]) throw new AppError('validation_failed', `--${key} is required for "user ${command}".`);
    return values[key];
  };

  const config = loadConfig();
  const store = await openStore(config);
  const users = createUserService(store, createPasswords(config.passwords));
  try {
    switch (command) {
      case 'add': {
        const role = need('role');
        if (!(ROLES as readonly string[]).includes(role))
          throw new AppError('validation_failed', `--role must be one of: ${ROLES.join(', ')}.`);
        const email = need('email');
        const name = need('name');
        const user = await users.add({ email, name, role: role as Role, password: await readPassword('Password: ') });
        out(`Created ${user.role} ${user.email} (${user.name}).`);
        break;
      }
      case 'list':
        for (const u of await users.list()) out(`${u.email}\t${u.name}\t${u.role}\t${u.createdAt}`);
        break;
      case 'passwd':
        await users.setPassword(need('email'), await readPassword('New password: '));
        out(`Password changed for ${values.email}.`);
        break;
      case 'remove':
        await users.remove(need('email'));
        out(`Removed ${values.email} with their own profiles, projects and sessions (with those sessions' participants).`);
        break;
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function runMaintenance(
  action: 'purge' | 'backup' | 'restore',
  file: string | undefined,
  out: (line: string) => void,
): Promise<number> {
  const config = loadConfig();
  if (action !== 'purge' && config.databaseUrl) {
    throw new AppError(
      'validation_failed',
      `"${action}" is for the SQLite file; with PostgreSQL (DATABASE_URL) use pg_dump and pg_restore (docs/deploy.md).`,
    );
  }
  if (action !== 'purge' && !file)
    throw new AppError('validation_failed', `"${action}" needs a file name, e.g. npm run cli -- ${action} drijfveer-backup.sqlite`);
  if (action === 'restore') {
    await restoreFrom(file!, config.databasePath);
    out(`Restored ${config.databasePath} from ${file}.`);
    return 0;
  }
  if (action === 'backup') {
    const store = openSqliteStore(config.databasePath, {
      synchronous: config.sqliteSynchronous,
      busyTimeoutMs: config.sqliteBusyTimeoutMs,
    });
    try {
      await backupTo(store.sqlite, file!);
      out(`Backup written to ${file} (integrity: ${integrityOf(file!)}).`);
      return 0;
    } finally {
      await store.close();
    }
  }
  const store = await openStore(config);
  try {
    const removed = await purgeExpired(store, config.retention, new Date(), { actor: 'cli' });
    out(
      `Purged ${removed.unfinished} unfinished assessments, ${removed.workshops} sessions, ${removed.surveys} closed surveys and ${removed.audit ?? 0} audit records past their retention period.`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

async function runCopy(from: string | undefined, to: string | undefined, out: (line: string) => void): Promise<number> {
  const config = loadConfig();
  const file = path.resolve(from ?? config.databasePath);
  const url = to ?? config.databaseUrl;
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new AppError('validation_failed', 'Say where to copy to: --to postgres://user@host:5432/db, or set DATABASE_URL.');
  if (!fs.existsSync(file)) throw new AppError('validation_failed', `${file} does not exist; give the SQLite file with --from.`);
  const checks = await copyToPostgres(file, { url }, out);
  for (const c of checks) out(`${c.same ? 'same' : 'DIFFERENT'}\t${c.table}\tsqlite ${c.sqlite}\tpostgres ${c.postgres}`);
  const bad = checks.filter((c) => !c.same);
  out(
    bad.length
      ? `Copy check FAILED for: ${bad.map((c) => c.table).join(', ')}.`
      : `Copied ${file} to PostgreSQL; every table has the same rows on both sides.`,
  );
  return bad.length ? 1 : 0;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof Cancelled) {
        console.error(err.message);
        process.exit(130);
      }
      if (err instanceof ZodError) console.error(`Error: ${err.issues.map((i) => i.message).join('; ')}`);
      else if (err instanceof AppError || err instanceof ConfigError || err instanceof Error) console.error(`Error: ${err.message}`);
      else console.error(err);
      process.exit(1);
    },
  );
}
