// Token buckets in memory, per process: the REST API per key, /track and sign-in per client IP.
/**
 * Token bucket per key, in memory, per process: `capacity` requests at once, refilled at
 * `refillPerSecond`. With several server processes each has its own buckets, so the
 * effective limit is multiplied by the process count (documented in docs/api-rest.md).
 */
export interface RateLimiter {
  /** Takes one token; `retryAfterSeconds` when none is left. */
  take(key: string, now?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export function createRateLimiter(options: { capacity: number; refillPerSecond: number; maxKeys?: number }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    take(key, now = Date.now()) {
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
        bucket = { tokens: options.capacity, at: now };
        buckets.set(key, bucket);
      }
      const elapsed = Math.max(0, now - bucket.at) / 1000;
      bucket.tokens = Math.min(options.capacity, bucket.tokens + elapsed * options.refillPerSecond);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / options.refillPerSecond)) };
    },
  };
}

