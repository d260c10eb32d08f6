import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * sha256 hex of the whole bearer token, as stored in ApiKey.secretHash. The demo seed
 * stores its key ("demo-web-key") the same way (`hashApiKeySecret` of @oms/db/seed must
 * stay identical). A fast hash is right here: tokens are 32 random bytes, not passwords.
 */
export function hashApiKeySecret(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new key: `oms_<8 hex>.<43 base64url chars>`; the part before the dot is the public prefix. */
export function generateApiKeyToken(): { prefix: string; token: string } {
  const prefix = `oms_${randomBytes(4).toString("hex")}`;
  return { prefix, token: `${prefix}.${randomBytes(32).toString("base64url")}` };
}
