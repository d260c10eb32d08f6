import type { SessionUser } from "@oms/contracts";
import type { Actor, DomainContext } from "@oms/core";
import { sharedDatabase, type PrismaClient } from "@oms/db";
import { randomUUID } from "node:crypto";

export interface TrpcContext {
  /** The root Prisma client (domain functions open their own transactions). */
  db: PrismaClient;
  /** The signed-in person, or null (public procedures only). */
  user: SessionUser | null;
  /** Names this request in logs and in internal-error messages. */
  requestId: string;
  now: () => Date;
  ip?: string | null;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

export interface CreateTrpcContextOptions {
  /** From `getSessionUser()` of @oms/auth (already checked against the database). */
  user: SessionUser | null;
  headers?: HeaderSource;
  /** Tests pass their database; default the process-wide one. */
  db?: PrismaClient;
  now?: () => Date;
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A request id from a proxy is kept when it looks like one; otherwise a new one. */
function requestIdFrom(headers: HeaderSource): string {
  const given = header(headers, "x-request-id");
  return given && /^[\w.:-]{8,100}$/.test(given) ? given : randomUUID();
}

export function createTrpcContext(options: CreateTrpcContextOptions): TrpcContext {
  const forwarded = header(options.headers, "x-forwarded-for")?.split(",")[0]?.trim();
  return {
    db: options.db ?? sharedDatabase().prisma,
    user: options.user,
    requestId: requestIdFrom(options.headers),
    now: options.now ?? (() => new Date()),
    ip: forwarded || header(options.headers, "x-real-ip") || null,
  };
}

/**
 * The `(input, ctx)` context of a domain call made for a signed-in request. Anonymous
 * requests have no actor on purpose: treating them as SYSTEM would pass role checks.
 * Public procedures pass `{ db: ctx.db }` to the few domain reads that need nothing else.
 */
export function domainContext(ctx: TrpcContext & { actor: Actor }): DomainContext {
  return { db: ctx.db, actor: ctx.actor, now: ctx.now() };
}
