import { createRateLimiter, type RateLimiter } from "@oms/core";

/**
 * Sign-in attempts per client IP and method (password, PIN), on top of the per-account
 * lockout (5 wrong tries lock an account): a burst of 20, then one every 3 seconds. A
 * store's devices share one IP behind its router, so the burst covers a whole shift
 * signing in at once; guessing across many accounts from one address is slowed to 20 a
 * minute. In memory per process, like the REST limits (docs/security.md).
 */
export const signInLimiter: RateLimiter = createRateLimiter({ capacity: 20, refillPerSecond: 1 / 3 });

const CALLBACK = /\/api\/auth\/callback\/(password|pin)\/?$/;

/** The client address as the proxy (or Next) reports it; the same one the audit log records. */
export function clientIpOf(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;
}

export interface SignInLimitOptions {
  limiter?: RateLimiter;
  now?: () => number;
}

/**
 * null when the request may go on to next-auth; a 429 with Retry-After when the address
 * used up its attempts. The body is what next-auth's `signIn(…, { redirect: false })`
 * reads: a `url` whose `error` parameter is the message the login form shows.
 */
export function signInRateLimitResponse(request: Request, options: SignInLimitOptions = {}): Response | null {
  if (request.method !== "POST") return null;
  const url = new URL(request.url);
  const method = CALLBACK.exec(url.pathname)?.[1];
  if (!method) return null;
  const taken = (options.limiter ?? signInLimiter).take(`${method}:${clientIpOf(request.headers) ?? "unknown"}`, (options.now ?? Date.now)());
  if (taken.ok) return null;
  const message = `Too many sign-in attempts from this device. Please wait ${taken.retryAfterSeconds} seconds and try again.`;
  const errorUrl = new URL("/api/auth/error", url.origin);
  errorUrl.searchParams.set("error", message);
  return Response.json({ url: errorUrl.toString() }, { status: 429, headers: { "retry-after": String(taken.retryAfterSeconds), "cache-control": "no-store" } });
}

/** Wraps the /api/auth route handler: sign-in callbacks pass the limit first. */
export function limitSignIns<C>(handler: (request: Request, context: C) => Response | Promise<Response>, options: SignInLimitOptions = {}) {
  return async (request: Request, context: C): Promise<Response> => signInRateLimitResponse(request, options) ?? handler(request, context);
}
