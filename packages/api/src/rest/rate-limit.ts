import { createRateLimiter, type RateLimiter } from "@oms/core";

export { createRateLimiter, type RateLimiter };

/**
 * Requests without a valid key (none, unknown, revoked), per client IP: 20 burst, then one
 * every 3 s; above it 429 instead of 401, so keys cannot be guessed at speed.
 */
export const defaultFailedAuthLimiter: RateLimiter = createRateLimiter({ capacity: 20, refillPerSecond: 1 / 3 });

/** Defaults: 120 requests burst, 20 per second sustained, per API key. */
export const defaultApiRateLimiter: RateLimiter = createRateLimiter({ capacity: 120, refillPerSecond: 20 });
