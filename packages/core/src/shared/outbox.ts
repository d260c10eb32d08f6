import type { OutboxPayload, OutboxTopic } from "@oms/contracts";
import type { Tx } from "@oms/db";

export interface OutboxMessage<T extends OutboxTopic = OutboxTopic> {
  topic: T;
  locationId: string | null;
  payload: OutboxPayload<T>;
}

// Events of a transaction opened by withTransaction, written in one INSERT just before it
// commits: a till sale announces a dozen changes, and one statement instead of a dozen is
// a tenth of its database round trips. Order within the transaction is kept.
const buffers = new WeakMap<object, OutboxMessage[]>();

async function writeEvents(db: Tx, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db.outboxEvent.createMany({
    data: messages.map((m) => ({ topic: m.topic, locationId: m.locationId, payload: m.payload as object })),
  });
}

/**
 * Writes events in the caller's transaction; the dispatcher publishes them after commit
 * (transactional outbox), so a rolled-back command announces nothing. Inside
 * withTransaction they are collected and written once, at the end of the transaction.
 */
export async function enqueueEvents(db: Tx, messages: OutboxMessage[]): Promise<void> {
  const buffer = buffers.get(db);
  if (buffer) buffer.push(...messages);
  else await writeEvents(db, messages);
}

/** Runs `fn` with the transaction's events collected, then writes them (withTransaction). */
export async function collectingEvents<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const buffer: OutboxMessage[] = [];
  buffers.set(tx, buffer);
  try {
    const result = await fn();
    await writeEvents(tx, buffer.splice(0));
    return result;
  } finally {
    buffers.delete(tx);
  }
}
