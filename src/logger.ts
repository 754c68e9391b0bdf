import pino, { type DestinationStream, type Logger } from 'pino';

// Private links carry a token; it must never reach a log file.
const TOKEN_IN_PATH = /(\/(?:a|p|api\/assessments)\/)[A-Za-z0-9_-]{16,}/g;
export const redactUrl = (url: string): string => url.replace(TOKEN_IN_PATH, '$1[token]');

/** The app's logger; tests pass a destination to read what would be logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'password', '*.password', 'token', '*.token'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
