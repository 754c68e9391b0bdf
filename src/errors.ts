/** The one error class. Codes map to HTTP statuses; messages are safe to show to users. */
const STATUS = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  https_required: 403,
  not_found: 404,
  conflict: 409,
  already_completed: 409,
  not_completed: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  incomplete: 422,
  too_many_requests: 429,
  unavailable: 503,
  mail_not_configured: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof STATUS;

/** Response headers an error may carry: `Retry-After` for a 503 or 429 that will pass. */
export type AppErrorOptions = { retryAfterSeconds?: number };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}
