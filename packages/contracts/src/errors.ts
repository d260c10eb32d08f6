/**
 * The one error type of the suite. Domain code throws AppError; the tRPC formatter and
 * the REST adapter map `code` to a transport status with `appErrorStatus`.
 */
export const appErrorCodes = [
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "INSUFFICIENT_STOCK",
  "INVALID_TRANSITION",
  "IDEMPOTENCY_MISMATCH",
  "ACCOUNT_LOCKED",
  "RATE_LIMITED",
  "PAYMENT_FAILED",
  "UNAVAILABLE",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

/** A problem with one input field; `path` is the field path, e.g. ["lines", 0, "quantity"]. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface AppErrorDetails {
  fields?: FieldIssue[];
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: AppErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  static isAppError(value: unknown): value is AppError {
    return value instanceof AppError || (value instanceof Error && value.name === "AppError" && "code" in value);
  }
}

/** HTTP status for each code: REST answers with it, tRPC maps to the matching tRPC code. */
export const appErrorStatus: Record<AppErrorCode, number> = {
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_STOCK: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_MISMATCH: 409,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  PAYMENT_FAILED: 402,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
