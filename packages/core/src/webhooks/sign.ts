import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 hex of `${timestamp}.${body}` with the subscription's secret. */
export function signWebhookPayload(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The X-OMS-Signature header value: `t=<unix seconds>,v1=<hex>`. */
export function webhookSignatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signWebhookPayload(secret, timestamp, body)}`;
}

/**
 * What a receiver does (docs/api-rest.md shows the same in plain Node): parse the header,
 * recompute the HMAC over the raw body, compare in constant time and refuse old
 * timestamps (replays). Returns false rather than throwing.
 */
export function verifyWebhookSignature(options: { header: string | null; body: string; secret: string; now?: Date; toleranceSeconds?: number }): boolean {
  if (!options.header) return false;
  const parts = Object.fromEntries(options.header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  const v1 = parts.v1;
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookPayload(options.secret, t, options.body), "hex");
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}
