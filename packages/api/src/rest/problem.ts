import { AppError, appErrorStatus, type AppErrorCode, type FieldIssue } from "@oms/contracts";
import { appErrorFromDatabase, logUnexpected } from "../errors.ts";

/** Problem `type` URIs: `${PROBLEM_BASE}<slug>`; every slug is listed in docs/api-rest.md. */
export const PROBLEM_BASE = "https://oms.example/problems/";

const slugOf: Record<AppErrorCode, string> = {
  VALIDATION_FAILED: "validation-failed",
  UNAUTHENTICATED: "unauthenticated",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not-found",
  CONFLICT: "conflict",
  INSUFFICIENT_STOCK: "insufficient-stock",
  INVALID_TRANSITION: "invalid-transition",
  IDEMPOTENCY_MISMATCH: "idempotency-key-reused",
  ACCOUNT_LOCKED: "forbidden",
  RATE_LIMITED: "rate-limited",
  PAYMENT_FAILED: "payment-failed",
  UNAVAILABLE: "unavailable",
  INTERNAL: "internal-error",
};

const titleOf: Record<AppErrorCode, string> = {
  VALIDATION_FAILED: "The request is not valid",
  UNAUTHENTICATED: "Authentication required",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  INSUFFICIENT_STOCK: "Not enough stock",
  INVALID_TRANSITION: "Not possible in the current state",
  IDEMPOTENCY_MISMATCH: "Idempotency key reused with another request",
  ACCOUNT_LOCKED: "Not allowed",
  RATE_LIMITED: "Too many requests",
  PAYMENT_FAILED: "Payment failed",
  UNAVAILABLE: "Temporarily unavailable",
  INTERNAL: "Internal error",
};

/** Extra problem kinds that are not AppError codes (transport level). */
export const transportProblems = {
  "malformed-json": { status: 400, title: "The body is not valid JSON" },
  "payload-too-large": { status: 413, title: "The body is too large" },
  "unsupported-media-type": { status: 415, title: "Send JSON (Content-Type: application/json)" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "idempotency-key-missing": { status: 428, title: "Idempotency-Key header required" },
} as const;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

/** ["lines", 0, "sku"] → "lines[0].sku" (the JSON path a developer reads). */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

export function problemResponse(body: ProblemBody, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

export function transportProblem(kind: keyof typeof transportProblems, detail: string, instance: string, requestId: string, headers: Record<string, string> = {}): Response {
  const p = transportProblems[kind];
  return problemResponse({ type: PROBLEM_BASE + kind, title: p.title, status: p.status, detail, instance, requestId }, headers);
}

/** A problem from a FieldIssue list (schema failures). */
export function validationProblem(fields: FieldIssue[], instance: string, requestId: string): Response {
  const errors = fields.map((f) => ({ path: fieldPath(f.path), message: f.message }));
  const first = errors[0];
  const detail = first ? `${first.path ? `${first.path}: ` : ""}${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}` : "The request is not valid.";
  return problemResponse({ type: PROBLEM_BASE + slugOf.VALIDATION_FAILED, title: titleOf.VALIDATION_FAILED, status: 422, detail, instance, code: "VALIDATION_FAILED", requestId, errors });
}

function isPrismaCode(error: unknown, code: string): boolean {
  return !!error && typeof error === "object" && (error as { code?: unknown }).code === code;
}

/**
 * PostgreSQL not reachable or the connection cut (server stopped or restarting, network):
 * the driver adapter's DatabaseNotReachable / ConnectionClosed / SocketTimeout (P1001,
 * P1017), the server's shutdown codes (57P01-57P03) and connection-exception class 08.
 * The pool opens new connections once the server is back (docs/faults.md).
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!error || typeof error !== "object" || AppError.isAppError(error)) return false;
  if (isPrismaCode(error, "P1001") || isPrismaCode(error, "P1002") || isPrismaCode(error, "P1017")) return true;
  const text = `${(error as Error).message ?? ""} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`;
  return /DatabaseNotReachable|ConnectionClosed|SocketTimeout|\b(57P01|57P02|57P03|08000|08001|08003|08004|08006)\b|Connection terminated|Can't reach database server|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)/i.test(text);
}

/**
 * Contention that a retry of the whole transaction resolves: lock or statement timeout,
 * serialization failure, deadlock, no pool connection in time (P2024), transaction could
 * not start or expired (P2028).
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!error || typeof error !== "object" || AppError.isAppError(error)) return false;
  if (isPrismaCode(error, "P2028") || isPrismaCode(error, "P2024") || isPrismaCode(error, "P2034")) return true;
  const text = `${(error as Error).message ?? ""} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`;
  if ((error as Error).name === "GateTimeoutError" || isDatabaseUnreachable(error)) return true;
  return /timeout exceeded when trying to connect|\b(55P03|57014|40001|40P01)\b|lock timeout|deadlock detected|could not serialize/i.test(text);
}

/**
 * Any thrown value → problem+json. AppError keeps its message (written for people) and
 * maps its code with `appErrorStatus` (the same table tRPC uses); a unique-constraint race
 * is a 409 and pool exhaustion a 503 (retry); anything else is a 500 naming the request
 * id, logged once, never with its message or stack.
 */
export function errorToProblem(error: unknown, instance: string, requestId: string): Response {
  if (AppError.isAppError(error)) {
    const { fields, ...details } = error.details;
    const status = error.code === "ACCOUNT_LOCKED" ? 403 : appErrorStatus[error.code];
    const body: ProblemBody = {
      type: PROBLEM_BASE + slugOf[error.code],
      title: titleOf[error.code],
      status,
      detail: error.message,
      instance,
      code: error.code,
      requestId,
      ...(fields ? { errors: fields.map((f) => ({ path: fieldPath(f.path), message: f.message })) } : {}),
      ...(Object.keys(details).length > 0 ? { details } : {}),
    };
    const headers: Record<string, string> = {};
    if (error.code === "UNAUTHENTICATED") headers["www-authenticate"] = 'Bearer realm="oms"';
    if (error.code === "RATE_LIMITED" && typeof details.retryAfterSeconds === "number") headers["retry-after"] = String(details.retryAfterSeconds);
    if (error.code === "UNAVAILABLE" || details.retryable === true) headers["retry-after"] = "1";
    return problemResponse(body, headers);
  }
  const refused = appErrorFromDatabase(error);
  if (refused) return errorToProblem(refused, instance, requestId);
  if (isPrismaCode(error, "P2002")) {
    return problemResponse({ type: PROBLEM_BASE + "conflict", title: titleOf.CONFLICT, status: 409, detail: "The same thing was sent twice at the same moment; fetch it and try again if needed.", instance, code: "CONFLICT", requestId });
  }
  if (isDatabaseUnreachable(error)) {
    return problemResponse(
      { type: PROBLEM_BASE + "unavailable", title: titleOf.UNAVAILABLE, status: 503, detail: "The database cannot be reached right now. Try again in a moment with the same Idempotency-Key: an order that went through is answered again, never created twice.", instance, code: "UNAVAILABLE", requestId },
      { "retry-after": "1" },
    );
  }
  if (isTransientDatabaseError(error)) {
    return problemResponse(
      { type: PROBLEM_BASE + "unavailable", title: titleOf.UNAVAILABLE, status: 503, detail: "The system is busy; nothing was changed. Try again in a moment with the same Idempotency-Key.", instance, code: "UNAVAILABLE", requestId },
      { "retry-after": "1" },
    );
  }
  logUnexpected(error, requestId, instance);
  return problemResponse({
    type: PROBLEM_BASE + "internal-error",
    title: titleOf.INTERNAL,
    status: 500,
    detail: `Something went wrong on our side. If it happens again, give this reference to support: ${requestId}.`,
    instance,
    code: "INTERNAL",
    requestId,
  });
}

export const problemSlugs = { ...slugOf };
