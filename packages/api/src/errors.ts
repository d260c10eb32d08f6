import { AppError, describeErrorForLog, type AppErrorCode, type FieldIssue } from "@oms/contracts";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

/**
 * AppError code → tRPC code. The HTTP status tRPC answers with follows the tRPC code;
 * the exact AppError code travels in `error.data.appCode`. Choices (docs/api-trpc.md):
 * VALIDATION_FAILED is BAD_REQUEST like tRPC's own input errors; ACCOUNT_LOCKED is
 * FORBIDDEN (tRPC has no 423); PAYMENT_FAILED is PAYMENT_REQUIRED (402, as REST answers).
 */
export const trpcCodeOf: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_FAILED: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INSUFFICIENT_STOCK: "CONFLICT",
  INVALID_TRANSITION: "CONFLICT",
  IDEMPOTENCY_MISMATCH: "CONFLICT",
  ACCOUNT_LOCKED: "FORBIDDEN",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  PAYMENT_FAILED: "PAYMENT_REQUIRED",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** For errors tRPC raises itself (no AppError inside): the nearest AppError code. */
const appCodeOfTrpc: Partial<Record<TRPC_ERROR_CODE_KEY, AppErrorCode>> = {
  BAD_REQUEST: "VALIDATION_FAILED",
  PARSE_ERROR: "VALIDATION_FAILED",
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  PAYMENT_REQUIRED: "PAYMENT_FAILED",
  SERVICE_UNAVAILABLE: "UNAVAILABLE",
};

export function appCodeFor(error: TRPCError): AppErrorCode {
  if (AppError.isAppError(error.cause)) return error.cause.code;
  return appCodeOfTrpc[error.code] ?? "INTERNAL";
}

export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({ code: trpcCodeOf[error.code], message: error.message, cause: error });
}

const words = (model: string) => model.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/**
 * Database refusals that are the caller's doing, as the AppError a person can act on, not
 * a 500: a row named by id that does not exist (P2025, e.g. `findUniqueOrThrow` on an
 * unknown location) and a reference to a row that does not exist (P2003, foreign key; the
 * constraint `<Model>_<field>_fkey` names the field). null for anything else.
 */
export function appErrorFromDatabase(error: unknown): AppError | null {
  if (!error || typeof error !== "object" || AppError.isAppError(error)) return null;
  const { code, meta } = error as { code?: unknown; meta?: Record<string, unknown> };
  if (code === "P2025") {
    const model = typeof meta?.modelName === "string" ? meta.modelName : null;
    return new AppError("NOT_FOUND", `That ${model ? words(model) : "record"} does not exist.`);
  }
  if (code === "P2003") {
    let text = "";
    try {
      text = `${JSON.stringify(meta ?? {})} ${(error as Error).message ?? ""}`;
    } catch {
      text = String((error as Error).message ?? "");
    }
    const field = /[A-Za-z0-9]+_([A-Za-z0-9]+)_fkey/.exec(text)?.[1];
    return field
      ? new AppError("VALIDATION_FAILED", `${field}: That does not exist.`, { fields: [{ path: [field], message: "Does not exist" }] })
      : new AppError("VALIDATION_FAILED", "Something this refers to does not exist.");
  }
  return null;
}

export function internalErrorMessage(requestId: string): string {
  return `Something went wrong on our side and nothing was changed by this request. If it happens again, give this reference to support: ${requestId}.`;
}

interface IssueLike {
  path?: readonly unknown[];
  message: string;
}

/** Field issues of a schema failure (zod or any Standard Schema), or null. */
export function fieldIssuesOf(cause: unknown): FieldIssue[] | null {
  if (!cause || typeof cause !== "object" || !("issues" in cause)) return null;
  const issues = (cause as { issues: unknown }).issues;
  if (!Array.isArray(issues)) return null;
  return (issues as IssueLike[]).map((issue) => ({
    path: (issue.path ?? []).map((p) => {
      const key = p && typeof p === "object" && "key" in p ? (p as { key: unknown }).key : p;
      return typeof key === "number" ? key : String(key);
    }),
    message: issue.message,
  }));
}

/** "lines.0.quantity: Must be at least 1" — the first issue, for a one-line message. */
export function validationMessage(fields: FieldIssue[]): string {
  const first = fields[0];
  if (!first) return "The input is not valid.";
  const where = first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more problem${fields.length > 2 ? "s" : ""})` : "";
  return `${where}${first.message}${more}`;
}

// Errors already written to the log, so the middleware and the formatter log each once.
const logged = new WeakSet<object>();

export function logUnexpected(error: unknown, requestId: string, path: string | undefined): void {
  if (error && typeof error === "object") {
    if (logged.has(error)) return;
    logged.add(error);
  }
  // Redacted: a driver error can quote the statement's arguments (hashes, tokens).
  console.error(`[api] request ${requestId} failed unexpectedly${path ? ` in ${path}` : ""}: ${describeErrorForLog(error)}`);
}
