import { AppError } from "@oms/contracts";
import { assertApiScope, authenticateApiKey, type Actor } from "@oms/core";
import { sharedDatabase, type PrismaClient } from "@oms/db";
import { randomUUID } from "node:crypto";
import { fieldIssuesOf } from "../errors.ts";
import { assertStorableInput } from "../input-guard.ts";
import { canonicalJson, readJsonBody, sha256Hex } from "./body.ts";
import { defaultWriteGate, type Gate } from "./gate.ts";
import { runIdempotent } from "./idempotency.ts";
import { buildOpenApiDocument } from "./openapi.ts";
import { errorToProblem, isTransientDatabaseError, transportProblem, validationProblem } from "./problem.ts";
import { defaultApiRateLimiter, defaultFailedAuthLimiter, type RateLimiter } from "./rate-limit.ts";
import type { RouteDef, RouteResult } from "./route-types.ts";
import { routes } from "./routes.ts";

/** Where the REST API is mounted. */
export const REST_PREFIX = "/api/v1";

export interface HandleRestOptions {
  db?: PrismaClient;
  now?: () => Date;
  rateLimiter?: RateLimiter;
  /** Requests without a valid key, per client IP (default 20, then 1 per 3 s). */
  failedAuthLimiter?: RateLimiter;
  /** Bounds concurrent write transactions (default 6 per process). */
  writeGate?: Gate;
}

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = routes.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { route, pattern: new RegExp(`^${source}/?$`), names };
});

function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.:-]{8,100}$/.test(given) ? given : randomUUID();
}

function json(result: RouteResult, requestId: string, extra: Record<string, string> = {}): Response {
  const headers = { "x-request-id": requestId, "cache-control": "no-store", ...extra };
  if (result.status === 204 || result.body === undefined) return new Response(null, { status: result.status, headers });
  return new Response(JSON.stringify(result.body), { status: result.status, headers: { "content-type": "application/json", ...headers } });
}

function rawJson(status: number, text: string | null, requestId: string, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": "no-store", ...extra };
  if (text === null) return new Response(null, { status, headers });
  return new Response(text, { status, headers: { "content-type": "application/json", ...headers } });
}

function withRequestId(response: Response, requestId: string): Response {
  response.headers.set("x-request-id", requestId);
  return response;
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match ? match[1]!.trim() : null;
}

function readQueryDefault(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) out[name] = params.get(name);
  return out;
}

/**
 * The whole transaction rolled back, so running it again is safe: retries contention
 * failures (lock timeouts, deadlocks, pool exhaustion) a few times with jitter before the
 * client sees a 503.
 */
async function retryTransient<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      // P2002: a unique race inside the domain (e.g. two orders creating the same customer
      // at once); on the retry the row exists, or a real duplicate becomes a clear 409.
      const uniqueRace = !!error && typeof error === "object" && (error as { code?: unknown }).code === "P2002";
      const retryable = uniqueRace || isTransientDatabaseError(error) || (AppError.isAppError(error) && error.details.retryable === true);
      if (attempt >= attempts || !retryable) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100 * attempt));
    }
  }
}

/**
 * Answers one fetch Request below /api/v1 (the route handler passes it through): auth by
 * bearer API key, rate limit, routing, body limits and JSON parsing, schema validation,
 * idempotency and the problem+json error format. Every error is a 4xx problem, except
 * real failures (500 with a request id, logged once) and an overloaded database (503).
 */
export async function handleRestRequest(request: Request, options: HandleRestOptions = {}): Promise<Response> {
  const requestId = requestIdOf(request);
  const url = new URL(request.url);
  const path = url.pathname.startsWith(REST_PREFIX) ? url.pathname.slice(REST_PREFIX.length) || "/" : url.pathname;
  const instance = url.pathname;
  try {
    if (path === "/openapi.json" && request.method === "GET") {
      return json({ status: 200, body: buildOpenApiDocument({ serverUrl: `${url.origin}${REST_PREFIX}` }) }, requestId, { "cache-control": "public, max-age=300" });
    }
    const candidates = compiled.map((c) => ({ c, m: c.pattern.exec(path) })).filter((x) => x.m !== null);
    if (candidates.length === 0) return transportProblem("not-found", `There is no ${path} in this API; see ${REST_PREFIX}/openapi.json.`, instance, requestId);
    const match = candidates.find((x) => x.c.route.method === request.method);
    if (!match) {
      const allow = [...new Set(candidates.map((x) => x.c.route.method))].join(", ");
      return transportProblem("method-not-allowed", `${request.method} is not allowed here; use ${allow}.`, instance, requestId, { allow });
    }
    const { route, names } = match.c;
    const params: Record<string, string> = {};
    try {
      names.forEach((name, i) => (params[name] = decodeURIComponent(match.m![i + 1]!)));
    } catch {
      return transportProblem("not-found", `There is no ${path} in this API (the path is not valid percent-encoded UTF-8).`, instance, requestId);
    }

    const db = options.db ?? sharedDatabase().prisma;
    const now = (options.now ?? (() => new Date()))();
    const key = await authenticateApiKey(bearerToken(request), { db, now }).catch((error: unknown) => {
      if (AppError.isAppError(error) && error.code === "UNAUTHENTICATED") {
        const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
        const taken = (options.failedAuthLimiter ?? defaultFailedAuthLimiter).take(ip, now.getTime());
        if (!taken.ok) {
          throw new AppError("RATE_LIMITED", `Too many requests without a valid API key from this address; try again in ${taken.retryAfterSeconds} s.`, { retryAfterSeconds: taken.retryAfterSeconds });
        }
      }
      throw error;
    });
    const limited = (options.rateLimiter ?? defaultApiRateLimiter).take(key.id, now.getTime());
    if (!limited.ok) {
      throw new AppError("RATE_LIMITED", `Too many requests for this API key; try again in ${limited.retryAfterSeconds} s.`, { retryAfterSeconds: limited.retryAfterSeconds });
    }
    assertApiScope(key, route.scope);

    let query: unknown = undefined;
    if (route.query) {
      const raw = (route.readQuery ?? readQueryDefault)(url.searchParams);
      assertStorableInput(raw);
      const parsed = route.query.safeParse(raw);
      if (!parsed.success) return validationProblem(fieldIssuesOf(parsed.error) ?? [], instance, requestId);
      query = parsed.data;
    }
    let body: unknown = undefined;
    let bodyHash = "";
    if (route.body) {
      const read = await readJsonBody(request);
      if (!read.ok) return withRequestId(transportProblem(read.kind, read.detail, instance, requestId), requestId);
      assertStorableInput(read.value);
      const parsed = route.body.safeParse(read.value);
      if (!parsed.success) return validationProblem(fieldIssuesOf(parsed.error) ?? [], instance, requestId);
      body = parsed.data;
      bodyHash = sha256Hex(`${request.method} ${path}\n${canonicalJson(read.value)}`);
    }

    const actor: Actor = { kind: "API_KEY", apiKeyId: key.id, channel: key.channel };
    const idempotencyKey = request.headers.get("idempotency-key")?.trim();
    if (route.idempotency === "required" && !idempotencyKey) {
      return transportProblem("idempotency-key-missing", "Send an Idempotency-Key header (a UUID you generate per order) so a retried request never creates a second order.", instance, requestId);
    }
    if (idempotencyKey && route.idempotency && (idempotencyKey.length > 200 || idempotencyKey.length < 1)) {
      throw new AppError("VALIDATION_FAILED", "Idempotency-Key: use at most 200 characters.", { fields: [{ path: ["Idempotency-Key"], message: "At most 200 characters" }] });
    }
    if (idempotencyKey && route.idempotency) {
      const gate = options.writeGate ?? defaultWriteGate;
      const result = await gate.run(() => retryTransient(() =>
        runIdempotent(db, { scope: `api-key:${key.id}`, key: idempotencyKey, requestHash: bodyHash, now }, (tx) =>
          route.run({ db: tx, root: db, now, key, actor, params, query, body }).then((r) => ({ status: r.status, text: r.body === undefined ? null : JSON.stringify(r.body) })),
        ),
      ));
      return rawJson(result.status, result.text, requestId, result.replayed ? { "idempotent-replayed": "true" } : {});
    }
    const run = () => route.run({ db, root: db, now, key, actor, params, query, body });
    return json(route.method === "GET" ? await run() : await (options.writeGate ?? defaultWriteGate).run(run), requestId);
  } catch (error) {
    return withRequestId(errorToProblem(error, instance, requestId), requestId);
  }
}
