// The till's offline queue (docs/pos.md#offline): complete commands written to IndexedDB
// before the receipt is shown, synced in the order they were recorded. Pure sync logic over
// a small store interface, so it is unit-tested without a browser (queue.test.ts).
import type { OfflineApplyResult, OfflineCommandInput } from "@oms/contracts";
import { idbAll, idbDelete, idbPut } from "./idb.ts";

export interface QueuedCommand {
  clientId: string;
  /** Recording order on this device (ms × 1000 + a random tie-breaker). */
  seq: number;
  command: OfflineCommandInput;
  /** PENDING until the server applied it; REJECTED: the server refused it (shown until resolved). */
  status: "PENDING" | "REJECTED";
  attempts: number;
  error: string | null;
  queuedAt: string;
  /** Sale total or cash moved (minor units), for the device limit and the HQ total. */
  amount: number;
}

export interface QueueStore {
  all(): Promise<QueuedCommand[]>;
  put(entry: QueuedCommand): Promise<void>;
  remove(clientId: string): Promise<void>;
}

export const idbQueueStore: QueueStore = {
  all: () => idbAll<QueuedCommand>("queue", "seq"),
  put: (entry) => idbPut("queue", entry),
  remove: (clientId) => idbDelete("queue", clientId),
};

/** An in-memory store with the same contract (tests, and a browser without IndexedDB refuses offline sales instead). */
export function memoryQueueStore(initial: QueuedCommand[] = []): QueueStore & { entries: Map<string, QueuedCommand> } {
  const entries = new Map(initial.map((e) => [e.clientId, e]));
  return {
    entries,
    all: async () => [...entries.values()].sort((a, b) => a.seq - b.seq).map((e) => structuredClone(e)),
    put: async (entry) => void entries.set(entry.clientId, structuredClone(entry)),
    remove: async (clientId) => void entries.delete(clientId),
  };
}

let lastSeq = 0;
export function nextSeq(now = Date.now()): number {
  const seq = Math.max(now * 1000 + Math.floor(Math.random() * 1000), lastSeq + 1);
  lastSeq = seq;
  return seq;
}

export function commandAmount(command: OfflineCommandInput): number {
  return command.type === "SALE" ? command.total : command.amount;
}

/** Adds a command to the queue; resolves once it is durably stored. */
export async function enqueue(store: QueueStore, command: OfflineCommandInput, now = new Date()): Promise<QueuedCommand> {
  const entry: QueuedCommand = { clientId: command.clientId, seq: nextSeq(now.getTime()), command, status: "PENDING", attempts: 0, error: null, queuedAt: now.toISOString(), amount: commandAmount(command) };
  await store.put(entry);
  return entry;
}

export interface QueueStats {
  pending: number;
  rejected: number;
  /** Minor units waiting (pending and rejected): what the device limit counts. */
  total: number;
  /** When the oldest command still waiting was recorded. */
  oldest: string | null;
}

export function queueStats(entries: QueuedCommand[]): QueueStats {
  const waiting = entries;
  const oldest = waiting.reduce<string | null>((min, e) => (min === null || e.command.recordedAt < min ? e.command.recordedAt : min), null);
  return {
    pending: entries.filter((e) => e.status === "PENDING").length,
    rejected: entries.filter((e) => e.status === "REJECTED").length,
    total: waiting.reduce((s, e) => s + e.amount, 0),
    oldest,
  };
}

/** Whether a failed submission is final (the server refused the command) or worth retrying (no network, server down, signed out). */
export function isPermanentRefusal(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  if (typeof status !== "number") return false;
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

export interface SyncReport {
  applied: OfflineApplyResult[];
  rejected: number;
  /** Why the run stopped before the end (the network or server again), or null. */
  stopped: string | null;
}

/**
 * Submits the pending commands in recording order. The server applies each exactly once by
 * its client id, so a command submitted before (a lost answer, another tab) answers with its
 * first result and is removed like any other. A refusal marks it REJECTED and the run goes
 * on; a network or server failure stops the run with the rest still pending.
 */
export async function syncQueue(store: QueueStore, apply: (command: OfflineCommandInput) => Promise<OfflineApplyResult>, isPermanent: (error: unknown) => boolean = isPermanentRefusal): Promise<SyncReport> {
  const report: SyncReport = { applied: [], rejected: 0, stopped: null };
  for (const entry of await store.all()) {
    if (entry.status !== "PENDING") continue;
    try {
      const result = await apply(entry.command);
      report.applied.push(result);
      await store.remove(entry.clientId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!isPermanent(error)) {
        await store.put({ ...entry, attempts: entry.attempts + 1, error: message });
        report.stopped = message;
        return report;
      }
      report.rejected += 1;
      await store.put({ ...entry, status: "REJECTED", attempts: entry.attempts + 1, error: message });
    }
  }
  return report;
}

/** Puts a rejected command back in line (after a manager fixed the cause, e.g. reopened the register). */
export async function retryRejected(store: QueueStore, clientId: string): Promise<void> {
  const entry = (await store.all()).find((e) => e.clientId === clientId);
  if (entry) await store.put({ ...entry, status: "PENDING", error: null });
}

/**
 * Runs `fn` in at most one tab of this browser at a time (Web Locks); another tab already
 * syncing means this one skips. Without the API every tab may sync: the server's
 * exactly-once is what guarantees no double sale, the lock only saves requests.
 */
export async function withSyncLock<T>(fn: () => Promise<T>): Promise<T | null> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (!locks) return fn();
  return locks.request("oms-pos-sync", { ifAvailable: true }, async (lock) => (lock ? fn() : null));
}
