import pino, { type Logger } from 'pino';

// Private links carry a token; it must never reach a log file.
const TOKEN_IN_PATH = /(\/(?:a|p|api\/assessments)\/)[A-Za-z0-9_-]{16,}/g;
export const redactUrl = (url: string): string => url.replace(TOKEN_IN_PATH, '$1[token]');

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'password', '*.password'], censor: '[redacted]' },
  });
}
