import { AppError } from "@oms/contracts";
import { Prisma, type PrismaClient, type Tx } from "@oms/db";
import { randomUUID } from "node:crypto";

/** How long a key is remembered; a reuse after that is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface StoredResponse {
  status: number;
  /** The response body exactly as sent (stored as a JSON string, so a replay is byte-identical). */
  text: string | null;
}

/**
 * Runs `fn` once per (scope, key). Inside one transaction: the record is inserted first
 * with `INSERT … ON CONFLICT DO NOTHING`, so a concurrent request with the same key waits
 * on the unique index until the first commits and then finds its record; `fn` runs in
 * the same transaction and its response is stored with the record. A replay with the same
 * request hash gets the stored response; another request hash is 409. When `fn` fails,
 * everything rolls back (record included), so the client may retry with the same key.
 */
export async function runIdempotent(
  db: PrismaClient,
  args: { scope: string; key: string; requestHash: string; now: Date },
  fn: (tx: Tx) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  return db.$transaction(
    async (tx) => {
      const expiresAt = new Date(args.now.getTime() + IDEMPOTENCY_TTL_MS);
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "IdempotencyRecord" ("id", "scope", "key", "requestHash", "createdAt", "expiresAt")
        VALUES (${randomUUID()}::uuid, ${args.scope}, ${args.key}, ${args.requestHash}, ${args.now}, ${expiresAt})
        ON CONFLICT ("scope", "key") DO NOTHING
        RETURNING "id"`;
      let recordId = inserted[0]?.id;
      if (!recordId) {
        const existing = await tx.idempotencyRecord.findUnique({ where: { scope_key: { scope: args.scope, key: args.key } } });
        if (!existing) throw new AppError("CONFLICT", "A request with this Idempotency-Key is being processed; try again in a moment.", { retryable: true });
        if (existing.expiresAt > args.now) {
          if (existing.requestHash !== args.requestHash) {
            throw new AppError(
              "IDEMPOTENCY_MISMATCH",
              "This Idempotency-Key was already used for a different request. Use a new key for a new request, or send exactly the same body to get the first answer again.",
              { idempotencyKey: args.key },
            );
          }
          if (existing.responseStatus !== null) {
            const stored = existing.responseBody;
            return { status: existing.responseStatus, text: typeof stored === "string" ? stored : stored === null ? null : JSON.stringify(stored), replayed: true };
          }
        }
        // Expired (or never answered): the key starts over.
        await tx.idempotencyRecord.update({ where: { id: existing.id }, data: { requestHash: args.requestHash, responseStatus: null, responseBody: undefined, createdAt: args.now, expiresAt } });
        recordId = existing.id;
      }
      const response = await fn(tx);
      await tx.idempotencyRecord.update({
        where: { id: recordId },
        data: { responseStatus: response.status, responseBody: response.text === null ? Prisma.DbNull : response.text },
      });
      return { ...response, replayed: false };
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}
