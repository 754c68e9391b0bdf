import pino, { type DestinationStream, type Logger } from 'pino';

/*
 * Private links carry a token; it must never reach a log file, whatever form the request gives it: any
 * case (/P/…), percent-encoded (/%70/…, %2F), or in the query (?token=…). The URL is decoded first, so the
 * path in the log is the decoded one; the segment after /a/, /p/ or /api/assessments/ is replaced whatever
 * it looks like, and so is anything as long as a token elsewhere in the path and anything token-like in the
 * query. (Tokens are 24 characters; the ids of sessions and projects, 16, stay readable in the path.)
 */
const AFTER = /^(?:a|p)$/i;
const TOKEN_LIKE = /[A-Za-z0-9_-]{16,}/g;
const TOKEN_LONG = /[A-Za-z0-9_-]{24,}/g;

function decoded(text: string): string {
  // Nothing to decode (nearly every request): no string is made.
  if (!text.includes('%')) return text;
  let out = text;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(out);
    } catch {
      next = out.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    if (next === out) break;
    out = next;
  }
  return out;
}

function redactPath(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts
    .map((part, i) => {
      const before = parts[i - 1] ?? '';
      const privateLink = i >= 2 && (AFTER.test(before) || (/^assessments$/i.test(before) && /^api$/i.test(parts[i - 2] ?? '')));
      return privateLink && part !== '' ? '[token]' : part.replace(TOKEN_LONG, '[token]');
    })
    .join('/');
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const [key = '', value] = pair.split(/=(.*)/s);
      if (value === undefined) return pair.replace(TOKEN_LIKE, '[token]');
      return `${key.replace(TOKEN_LIKE, '[token]')}=${/token/i.test(key) ? '[token]' : value.replace(TOKEN_LIKE, '[token]')}`;
    })
    .join('&');
}

export function redactUrl(url: string): string {
  const plain = decoded(url);
  const at = plain.search(/[?#]/);
  if (at < 0) return redactPath(plain);
  return `${redactPath(plain.slice(0, at))}${plain[at]}${redactQuery(plain.slice(at + 1))}`;
}

/**
 * The server's logger: lines go to standard output through an asynchronous destination (sonic-boom), so
 * a request never waits for a write to the log: lines that arrive while a write is under way are gathered
 * and go out together with the next one (under load, one write for many lines; when quiet, each line at
 * once). `flush` writes what is still waiting; the server calls it before every exit. A kill -9 loses only
 * the lines not yet handed to the operating system: those of the last moment.
 */
export function createServerLogger(level: string): { logger: Logger; flush: () => void } {
  const destination = pino.destination({ fd: 1, sync: false });
  const flush = () => {
    try {
      destination.flushSync();
    } catch {
      // standard output is gone or full (EAGAIN): nothing more can be written
    }
  };
  return { logger: createLogger(level, destination), flush };
}

/** The app's logger; tests pass a destination to read what would be logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'password', '*.password', 'token', '*.token'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
