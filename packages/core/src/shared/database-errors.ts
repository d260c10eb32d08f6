import { AppError } from "@oms/contracts";

/** PostgreSQL error codes the domain turns into messages for people. */
const LOCK_NOT_AVAILABLE = "55P03";
const QUERY_CANCELED = "57014";
const SERIALIZATION_FAILURE = "40001";
const DEADLOCK = "40P01";
const CHECK_VIOLATION = "23514";

function sqlState(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const key of ["code", "originalCode"]) {
      const value = record[key];
      if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value)) return value;
    }
    const meta = record.meta as Record<string, unknown> | undefined;
    const driver = meta?.driverAdapterError as Record<string, unknown> | undefined;
    const cause = (driver?.cause ?? record.cause) as Record<string, unknown> | undefined;
    if (cause && typeof cause.originalCode === "string") return cause.originalCode;
    if (cause && typeof cause.code === "string" && /^[0-9A-Z]{5}$/.test(cause.code)) return cause.code;
    current = record.cause ?? driver;
  }
  const text = error instanceof Error ? error.message : String(error);
  const match = /\b(55P03|57014|40001|40P01|23514)\b/.exec(text);
  if (match) return match[1];
  if (/lock timeout|canceling statement due to lock timeout/i.test(text)) return LOCK_NOT_AVAILABLE;
  if (/violates check constraint/i.test(text)) return CHECK_VIOLATION;
  return undefined;
}

/**
 * Turns contention and constraint failures into AppErrors; anything else is rethrown as
 * it is (and becomes an internal error with a request id at the edge).
 */
export function translateDatabaseError(error: unknown): never {
  if (AppError.isAppError(error)) throw error;
  const state = sqlState(error);
  if (state === LOCK_NOT_AVAILABLE || state === QUERY_CANCELED || state === SERIALIZATION_FAILURE || state === DEADLOCK) {
    throw new AppError("CONFLICT", "Someone else is changing the same stock right now. Try again in a moment.", {
      retryable: true,
    });
  }
  if (state === CHECK_VIOLATION) {
    throw new AppError("CONFLICT", "That change would break a stock or money rule (for example stock below zero). Nothing was changed.", {
      constraint: true,
    });
  }
  throw error;
}

/** A unique-constraint failure (Prisma P2002 / SQLSTATE 23505) naming `column`, from any driver. */
export function isUniqueViolation(error: unknown, column: string): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; message?: unknown; meta?: unknown };
  const text = `${String(e.message ?? "")} ${JSON.stringify(e.meta ?? {})}`;
  return (e.code === "P2002" || /23505|unique constraint/i.test(text)) && text.includes(column);
}
