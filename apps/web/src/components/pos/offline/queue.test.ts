import type { OfflineApplyResult, OfflineCommandInput } from "@oms/contracts";
import { describe, expect, it } from "vitest";
import { enqueue, isPermanentRefusal, memoryQueueStore, queueStats, retryRejected, syncQueue } from "./queue.ts";

const sale = (total: number, recordedAt = new Date()): OfflineCommandInput => ({
  type: "SALE",
  clientId: crypto.randomUUID(),
  deviceId: crypto.randomUUID(),
  locationId: crypto.randomUUID(),
  registerSessionId: crypto.randomUUID(),
  cashierId: crypto.randomUUID(),
  recordedAt: recordedAt.toISOString(),
  lines: [{ variantId: crypto.randomUUID(), sku: "A", name: "A", quantity: 1, unitPrice: total, taxRateBps: 0 }],
  total,
  taxTotal: 0,
  tendered: total,
  change: 0,
});
const applied = (c: OfflineCommandInput): OfflineApplyResult => ({ clientId: c.clientId, outcome: "APPLIED", orderId: c.clientId, orderNumber: "S-1", cashMovementId: null, shortfallUnits: 0 });
const refusal = (httpStatus: number, message = "refused") => Object.assign(new Error(message), { data: { httpStatus } });

describe("the offline queue", () => {
  it("syncs in recording order and empties the queue", async () => {
    const store = memoryQueueStore();
    const commands = [sale(100), sale(200), sale(300)];
    for (const [i, c] of commands.entries()) await enqueue(store, c, new Date(Date.UTC(2026, 0, 1, 10, i)));
    const seen: number[] = [];
    const report = await syncQueue(store, async (c) => (seen.push((c as { total: number }).total), applied(c)));
    expect(seen).toEqual([100, 200, 300]);
    expect(report.applied).toHaveLength(3);
    expect(await store.all()).toEqual([]);
  });

  it("a network or server failure stops the run and keeps the rest, in order, for the next try", async () => {
    const store = memoryQueueStore();
    const [a, b, c] = [sale(1), sale(2), sale(3)];
    for (const x of [a, b, c]) await enqueue(store, x);
    let calls = 0;
    const report = await syncQueue(store, async (cmd) => {
      calls += 1;
      if (calls === 2) throw new TypeError("Failed to fetch");
      return applied(cmd);
    });
    expect(report).toMatchObject({ rejected: 0, stopped: "Failed to fetch" });
    const left = await store.all();
    expect(left.map((e) => e.clientId)).toEqual([b.clientId, c.clientId]);
    expect(left[0]).toMatchObject({ status: "PENDING", attempts: 1 });
    // A 5xx is a server that is not back yet: also retried, not rejected.
    expect(isPermanentRefusal(refusal(503))).toBe(false);
    expect(isPermanentRefusal(refusal(401))).toBe(false);
  });

  it("a refusal marks that command REJECTED (kept and shown), the others still sync, and it can be put back in line", async () => {
    const store = memoryQueueStore();
    const [a, b] = [sale(1), sale(2)];
    await enqueue(store, a);
    await enqueue(store, b);
    const report = await syncQueue(store, async (cmd) => {
      if (cmd.clientId === a.clientId) throw refusal(403, "registerSessionId: That register session belongs to another store.");
      return applied(cmd);
    });
    expect(report.rejected).toBe(1);
    const [left] = await store.all();
    expect(left).toMatchObject({ clientId: a.clientId, status: "REJECTED", error: expect.stringMatching(/another store/) });
    // A second run does not resubmit it by itself...
    expect((await syncQueue(store, async (cmd) => applied(cmd))).applied).toHaveLength(0);
    // ...until someone puts it back.
    await retryRejected(store, a.clientId);
    expect((await syncQueue(store, async (cmd) => applied(cmd))).applied).toHaveLength(1);
    expect(await store.all()).toEqual([]);
  });

  it("an answer lost on the way (the server applied it, the till never heard) is resubmitted and answered with the first result", async () => {
    const store = memoryQueueStore();
    const a = sale(500);
    await enqueue(store, a);
    const server = new Map<string, OfflineApplyResult>();
    const apply = async (cmd: OfflineCommandInput) => {
      const first = server.get(cmd.clientId);
      if (first) return { ...first, outcome: "ALREADY_APPLIED" as const };
      server.set(cmd.clientId, applied(cmd));
      return applied(cmd);
    };
    await syncQueue(store, async (cmd) => {
      await apply(cmd);
      throw new TypeError("network lost after the server answered");
    });
    const second = await syncQueue(store, apply);
    expect(second.applied).toEqual([expect.objectContaining({ clientId: a.clientId, outcome: "ALREADY_APPLIED" })]);
    expect(server.size).toBe(1);
  });

  it("counts what waits: pending, rejected, total and the oldest recording time", async () => {
    const store = memoryQueueStore();
    await enqueue(store, sale(250, new Date("2026-01-01T10:05:00Z")));
    await enqueue(store, sale(750, new Date("2026-01-01T10:00:00Z")));
    expect(queueStats(await store.all())).toEqual({ pending: 2, rejected: 0, total: 1000, oldest: "2026-01-01T10:00:00.000Z" });
  });
});
