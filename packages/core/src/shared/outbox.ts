import type { OutboxPayload, OutboxTopic } from "@oms/contracts";
import type { Tx } from "@oms/db";

export interface OutboxMessage<T extends OutboxTopic = OutboxTopic> {
  topic: T;
  locationId: string | null;
  payload: OutboxPayload<T>;
}

/**
 * Writes events in the caller's transaction; the dispatcher publishes them after commit
 * (transactional outbox), so a rolled-back command announces nothing.
 */
export async function enqueueEvents(db: Tx, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db.outboxEvent.createMany({
    data: messages.map((m) => ({ topic: m.topic, locationId: m.locationId, payload: m.payload as object })),
  });
}
